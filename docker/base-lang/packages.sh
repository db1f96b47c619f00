# What each language base holds, and the links Debian's maintainer scripts (update-alternatives) would
# have made. Sourced by debian.sh; part of the base images' inputs hash, so editing it rebuilds them.

packages_for() {
  case "$1" in
    # CGO is off in the sandbox, so no C toolchain; chi, gin and lib/pq as Debian packages them (GOPATH layout).
    go) echo golang-go golang-github-go-chi-chi-dev golang-github-gin-gonic-gin-dev golang-github-lib-pq-dev ;;
    java17) echo openjdk-17-jdk-headless libpostgresql-jdbc-java libjackson2-databind-java junit5 ;;
    cpp) echo g++ gcc cpp g++-12 make cmake libcpp-httplib-dev nlohmann-json3-dev libgtest-dev libgmock-dev libpqxx-dev ;;
    ruby) echo ruby ruby3.1 ruby-sinatra ruby-pg ruby-webrick puma ruby-rack ruby-json ruby-minitest ruby-rack-test ;;
    *) echo "unknown language $1" >&2; return 1 ;;
  esac
}

links_for() {
  local lang="$1" root="$2"
  case "$lang" in
    go)
      # Debian installs chi 5 at its pre-modules path; its documented import path ends in /v5.
      ln -sfn . "$root/usr/share/gocode/src/github.com/go-chi/chi/v5" ;;
    java17)
      local jdk=/usr/lib/jvm/java-17-openjdk-amd64
      for tool in java javac jar jshell; do ln -sf "$jdk/bin/$tool" "$root/usr/bin/$tool"; done ;;
    cpp)
      ln -sf gcc "$root/usr/bin/cc"; ln -sf g++ "$root/usr/bin/c++" ;;
    ruby) : ;;
  esac
}
