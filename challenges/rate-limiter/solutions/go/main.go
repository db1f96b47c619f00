// Rate limiter reference solution in Go: net/http and a mutex-guarded registry of lazily refilled buckets.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
)

const maxValue = 1_000_000

var keyRe = regexp.MustCompile(`^[A-Za-z0-9._-]{1,128}$`)

type apiError struct {
	status        int
	code, message string
}

func send(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func fail(w http.ResponseWriter, e apiError) {
	send(w, e.status, map[string]string{"error": e.code, "message": e.message})
}

type server struct{ registry *Registry }

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/health" && r.Method == http.MethodGet:
		send(w, 200, map[string]string{"status": "ok"})
	case strings.HasPrefix(r.URL.Path, "/api/"):
		s.limited(w, r)
	case strings.HasPrefix(r.URL.EscapedPath(), "/keys/") && !strings.Contains(r.URL.EscapedPath()[6:], "/"):
		key, err := url.PathUnescape(r.URL.EscapedPath()[6:])
		if err != nil || !keyRe.MatchString(key) {
			fail(w, apiError{400, "invalid_key", "key must be 1-128 characters from A-Z, a-z, 0-9, ., _ and -"})
			return
		}
		s.key(w, r, key)
	default:
		fail(w, apiError{404, "not_found", "no such route"})
	}
}

func (s *server) limited(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("X-API-Key")
	if strings.TrimSpace(key) == "" {
		fail(w, apiError{401, "missing_api_key", "send your key in X-API-Key"})
		return
	}
	d := s.registry.Take(key)
	w.Header().Set("X-RateLimit-Limit", strconv.Itoa(d.Capacity))
	w.Header().Set("X-RateLimit-Remaining", strconv.Itoa(d.Remaining))
	if !d.Allowed {
		w.Header().Set("Retry-After", strconv.Itoa(d.RetryAfter))
		send(w, 429, map[string]any{"error": "rate_limited", "message": "too many requests", "retryAfterSeconds": d.RetryAfter})
		return
	}
	send(w, 200, map[string]any{"ok": true, "key": key})
}

// isNumber is true for a JSON number literal: a string "5" or true must not pass as a limit.
func isNumber(raw json.RawMessage) bool {
	return len(raw) > 0 && (raw[0] == '-' || (raw[0] >= '0' && raw[0] <= '9'))
}

// parseConfig accepts {"capacity": integer 1..1e6, "refillPerSecond": number in (0, 1e6]} and nothing looser.
func parseConfig(raw []byte) (Config, *apiError) {
	var body map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&body); err != nil || body == nil {
		if json.Valid(raw) {
			return Config{}, &apiError{400, "invalid_body", "body must be a JSON object"}
		}
		return Config{}, &apiError{400, "invalid_json", "request body must be valid JSON"}
	}
	var capacity json.Number
	if err := json.Unmarshal(body["capacity"], &capacity); err != nil || !isNumber(body["capacity"]) {
		return Config{}, &apiError{400, "invalid_capacity", fmt.Sprintf("capacity must be an integer from 1 to %d", maxValue)}
	}
	c, err := strconv.Atoi(capacity.String())
	if err != nil || c < 1 || c > maxValue {
		return Config{}, &apiError{400, "invalid_capacity", fmt.Sprintf("capacity must be an integer from 1 to %d", maxValue)}
	}
	var rate float64
	if err := json.Unmarshal(body["refillPerSecond"], &rate); err != nil || !isNumber(body["refillPerSecond"]) || rate <= 0 || rate > maxValue {
		return Config{}, &apiError{400, "invalid_refill", fmt.Sprintf("refillPerSecond must be a number greater than 0 and at most %d", maxValue)}
	}
	return Config{Capacity: c, RefillPerSecond: rate}, nil
}

func (s *server) key(w http.ResponseWriter, r *http.Request, key string) {
	switch r.Method {
	case http.MethodPut:
		raw, _ := io.ReadAll(io.LimitReader(r.Body, 16<<10))
		c, verr := parseConfig(raw)
		if verr != nil {
			fail(w, *verr)
			return
		}
		s.registry.Configure(key, c)
		send(w, 200, map[string]any{"key": key, "capacity": c.Capacity, "refillPerSecond": c.RefillPerSecond})
	case http.MethodGet:
		c, remaining, ok := s.registry.Get(key)
		if !ok {
			fail(w, apiError{404, "not_found", "key has no explicit configuration"})
			return
		}
		send(w, 200, map[string]any{"key": key, "capacity": c.Capacity, "refillPerSecond": c.RefillPerSecond, "remaining": remaining})
	case http.MethodDelete:
		if !s.registry.Remove(key) {
			fail(w, apiError{404, "not_found", "key has no explicit configuration"})
			return
		}
		w.WriteHeader(http.StatusNoContent)
	default:
		fail(w, apiError{405, "method_not_allowed", "use GET, PUT or DELETE"})
	}
}

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	registry := NewRegistry(Config{Capacity: 10, RefillPerSecond: 1}, time.Now)
	fmt.Println("rate-limiter listening on", port)
	log.Fatal(http.ListenAndServe("0.0.0.0:"+port, &server{registry: registry}))
}
