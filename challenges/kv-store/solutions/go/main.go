// Durable key-value store reference solution in Go: net/http plus a write-ahead log under DATA_DIR.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"unicode/utf16"
)

var keyRe = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,128}$`)

const maxValueChars = 65536

func send(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func fail(w http.ResponseWriter, status int, code, message string) {
	send(w, status, map[string]string{"error": code, "message": message})
}

type server struct{ store *Store }

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := r.URL.EscapedPath()
	switch {
	case path == "/health" && r.Method == http.MethodGet:
		send(w, 200, map[string]string{"status": "ok"})
	case path == "/admin/compact" && r.Method == http.MethodPost:
		n, err := s.store.Compact()
		if err != nil {
			fail(w, 500, "internal", "compaction failed")
			return
		}
		send(w, 200, map[string]int{"keys": n})
	case strings.HasPrefix(path, "/kv/") && !strings.Contains(path[4:], "/"):
		key, err := url.PathUnescape(path[4:])
		if err != nil || !keyRe.MatchString(key) {
			fail(w, 400, "invalid_key", "key must be 1-128 characters from A-Z, a-z, 0-9, . _ : -")
			return
		}
		s.key(w, r, key)
	default:
		fail(w, 404, "not_found", "no such route")
	}
}

func view(key string, e Entry) map[string]any {
	return map[string]any{"key": key, "value": e.Value, "version": e.Version}
}

func (s *server) key(w http.ResponseWriter, r *http.Request, key string) {
	switch r.Method {
	case http.MethodGet:
		e, ok := s.store.Get(key)
		if !ok {
			fail(w, 404, "not_found", "no such key")
			return
		}
		send(w, 200, view(key, e))
	case http.MethodPut:
		value, ifVersion, msg := parsePut(w, r)
		if msg != nil {
			fail(w, 400, msg[0], msg[1])
			return
		}
		e, err := s.store.Put(key, value, ifVersion)
		var conflict ErrConflict
		if errors.As(err, &conflict) {
			send(w, 409, map[string]any{"error": "version_mismatch", "message": "the key is not at the expected version", "currentVersion": conflict.Current})
		} else if err != nil {
			fail(w, 500, "internal", "could not write the log")
		} else {
			send(w, 200, view(key, e))
		}
	case http.MethodDelete:
		err := s.store.Delete(key)
		if errors.Is(err, ErrNotFound) {
			fail(w, 404, "not_found", "no such key")
		} else if err != nil {
			fail(w, 500, "internal", "could not write the log")
		} else {
			w.WriteHeader(204)
		}
	default:
		fail(w, 405, "method_not_allowed", "use GET, PUT or DELETE")
	}
}

// parsePut returns the value and optional ifVersion, or an [error code, message] pair.
func parsePut(w http.ResponseWriter, r *http.Request) (string, *int64, []string) {
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		return "", nil, []string{"invalid_body", "body must be a JSON object of at most 1 MiB"}
	}
	var body map[string]json.RawMessage
	if err := json.Unmarshal(raw, &body); err != nil || body == nil {
		return "", nil, []string{"invalid_body", "body must be a JSON object"}
	}
	var value string
	if v, ok := body["value"]; !ok || json.Unmarshal(v, &value) != nil || string(v) == "null" {
		return "", nil, []string{"invalid_value", "value is required and must be a string"}
	}
	// Characters as JavaScript counts them (UTF-16 code units), so the limit matches every client.
	if len(utf16.Encode([]rune(value))) > maxValueChars {
		return "", nil, []string{"invalid_value", "value must be at most 65536 characters"}
	}
	v, ok := body["ifVersion"]
	if !ok || string(v) == "null" {
		return value, nil, nil
	}
	var n int64
	if json.Unmarshal(v, &n) != nil || n < 0 {
		return "", nil, []string{"invalid_if_version", "ifVersion must be a whole number, 0 or more"}
	}
	return value, &n, nil
}

func env(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func main() {
	store, err := OpenStore(env("DATA_DIR", ".data"), 1<<20)
	if err != nil {
		log.Fatal(err)
	}
	port := env("PORT", "8080")
	fmt.Println("kv-store listening on", port)
	log.Fatal(http.ListenAndServe("0.0.0.0:"+port, &server{store: store}))
}
