// Event pipeline reference solution in Go: net/http, an in-memory index and an fsynced append-only log.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"os"
	"strings"
)

const maxBodyBytes = 10 << 20

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
	case r.Method == http.MethodGet && path == "/health":
		send(w, 200, map[string]string{"status": "ok"})
	case r.Method == http.MethodPost && path == "/events":
		s.ingest(w, r)
	case r.Method == http.MethodGet && path == "/aggregates":
		s.aggregates(w, r.URL.Query())
	case r.Method == http.MethodGet && strings.HasPrefix(path, "/events/") && strings.Count(path, "/") == 2:
		id, err := url.PathUnescape(path[len("/events/"):])
		e, ok := s.store.Get(id)
		if err != nil || !ok {
			fail(w, 404, "not_found", "no event with this id")
			return
		}
		send(w, 200, map[string]any{"id": e.ID, "type": e.Type, "timestamp": toISO(e.Ts), "value": e.Value})
	default:
		fail(w, 404, "not_found", "no such route")
	}
}

func (s *server) ingest(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	if err != nil {
		fail(w, 400, "invalid_body", "could not read the body")
		return
	}
	if len(body) > maxBodyBytes {
		fail(w, 413, "payload_too_large", fmt.Sprintf("batches are limited to %d bytes", maxBodyBytes))
		return
	}
	events, errors, nonBlank := parseBatch(body)
	if nonBlank == 0 {
		fail(w, 400, "empty_batch", "the body contains no event lines")
		return
	}
	accepted, err := s.store.InsertNew(events)
	if err != nil {
		fail(w, 500, "internal", "could not store the batch")
		return
	}
	send(w, 200, map[string]any{"accepted": accepted, "duplicates": len(events) - accepted, "rejected": len(errors), "errors": errors})
}

func (s *server) aggregates(w http.ResponseWriter, q url.Values) {
	window, ok := windowsMs[q.Get("window")]
	if !ok {
		fail(w, 400, "invalid_window", "window must be minute, hour or day")
		return
	}
	from, okFrom := parseTimestamp(q.Get("from"))
	to, okTo := parseTimestamp(q.Get("to"))
	if !okFrom || !okTo {
		fail(w, 400, "invalid_range", "from and to are required ISO 8601 date-times with a timezone")
		return
	}
	if from >= to {
		fail(w, 400, "invalid_range", "from must be before to")
		return
	}
	var typ *string
	if values, present := q["type"]; present {
		typ = &values[0]
	}
	buckets := []map[string]any{}
	for _, b := range s.store.Aggregate(window, from, to, typ) {
		buckets = append(buckets, map[string]any{"start": toISO(b.Start), "type": b.Type, "count": b.Count, "sum": b.Sum})
	}
	body := map[string]any{"window": q.Get("window"), "from": toISO(from), "to": toISO(to), "buckets": buckets}
	if typ != nil {
		body["type"] = *typ
	}
	send(w, 200, body)
}

func main() {
	dir := os.Getenv("DATA_DIR")
	if dir == "" {
		dir = ".data"
	}
	store, err := OpenStore(dir)
	if err != nil {
		log.Fatal(err)
	}
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	fmt.Println("event-pipeline listening on", port)
	log.Fatal(http.ListenAndServe("0.0.0.0:"+port, &server{store: store}))
}
