# A minitest plugin writing one JUnit XML file (path in TAKEHOME_JUNIT) for the platform's report parser.
# Minitest finds it on the load path (minitest/*_plugin.rb); without TAKEHOME_JUNIT it does nothing.
# Debian's minitest-reporters writes one file per test class, which the single-report contract cannot take.
require "cgi"

module Minitest
  class TakehomeJUnitReporter < AbstractReporter
    def initialize(path)
      super()
      @path = path
      @results = []
    end

    def record(result)
      @results << result
    end

    def report
      suites = @results.group_by(&:klass).map do |klass, results|
        cases = results.map { |r| testcase(klass, r) }.join
        failures = results.count { |r| !r.passed? && !r.skipped? }
        %(<testsuite name="#{esc(klass)}" tests="#{results.size}" failures="#{failures}">#{cases}</testsuite>)
      end
      File.write(@path, %(<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>#{suites.join}</testsuites>\n))
    end

    def passed?
      true
    end

    private

    def testcase(klass, r)
      inner =
        if r.skipped? then "<skipped/>"
        elsif r.passed? then ""
        else
          f = r.failure
          %(<failure message="#{esc(f.message.lines.first.to_s.strip)}">#{esc("#{f.class}: #{f.message}\n#{Minitest.filter_backtrace(f.backtrace || []).first(5).join("\n")}")}</failure>)
        end
      %(<testcase classname="#{esc(klass)}" name="#{esc(r.name)}" time="#{r.time.round(4)}">#{inner}</testcase>)
    end

    def esc(text)
      CGI.escapeHTML(text.to_s)
    end
  end

  def self.plugin_takehome_junit_options(_opts, _options); end

  def self.plugin_takehome_junit_init(_options)
    reporter << TakehomeJUnitReporter.new(ENV["TAKEHOME_JUNIT"]) if ENV["TAKEHOME_JUNIT"]
  end
end
