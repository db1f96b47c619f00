// URL shortener reference solution in Go: net/http plus an append-only, fsynced log under DATA_DIR.
package main

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"math/big"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"
)

var (
	aliasRe  = regexp.MustCompile(`^[A-Za-z0-9_-]{3,32}$`)
	isoRe    = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$`)
	reserved = map[string]bool{"health": true, "links": true}
)

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

type apiError struct {
	status      int
	code, message string
}

func iso(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

func send(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func fail(w http.ResponseWriter, e apiError) {
	send(w, e.status, map[string]string{"error": e.code, "message": e.message})
}

type server struct{ store *Store }

func (s *server) view(r *http.Request, l Link) map[string]any {
	return map[string]any{"code": l.Code, "url": l.URL, "shortUrl": "http://" + r.Host + "/" + l.Code,
		"createdAt": l.CreatedAt, "expiresAt": l.ExpiresAt, "clicks": l.Clicks, "lastAccessedAt": l.LastAccessedAt}
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	switch {
	case r.URL.Path == "/health" && r.Method == http.MethodGet:
		send(w, 200, map[string]string{"status": "ok"})
	case r.URL.Path == "/links" && r.Method == http.MethodPost:
		s.create(w, r)
	case len(parts) == 2 && parts[0] == "links" && r.Method == http.MethodGet:
		s.stats(w, r, parts[1])
	case len(parts) == 1 && parts[0] != "" && r.Method == http.MethodGet:
		s.redirect(w, r, parts[0])
	default:
		fail(w, apiError{404, "not_found", "no such route"})
	}
}

func validate(body map[string]any, now time.Time) (Link, *string, *apiError) {
	raw, ok := body["url"].(string)
	if !ok || raw == "" || len(raw) > 2048 {
		return Link{}, nil, &apiError{400, "invalid_url", "url is required: a string of at most 2048 characters"}
	}
	if u, err := url.Parse(raw); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return Link{}, nil, &apiError{400, "invalid_url", "url must be an absolute http or https URL"}
	}
	link := Link{URL: raw, CreatedAt: iso(now)}
	if v, present := body["expiresAt"]; present && v != nil {
		str, ok := v.(string)
		at, err := time.Parse(time.RFC3339Nano, str)
		if !ok || !isoRe.MatchString(str) || err != nil {
			return Link{}, nil, &apiError{400, "invalid_expires_at", "expiresAt must be an ISO 8601 timestamp with a timezone"}
		}
		if !at.After(now) {
			return Link{}, nil, &apiError{400, "invalid_expires_at", "expiresAt must be in the future"}
		}
		formatted := iso(at)
		link.ExpiresAt = &formatted
	}
	var alias *string
	if v, present := body["alias"]; present && v != nil {
		str, ok := v.(string)
		if !ok || !aliasRe.MatchString(str) {
			return Link{}, nil, &apiError{400, "invalid_alias", "alias must be 3-32 characters from A-Z, a-z, 0-9, _ and -"}
		}
		if reserved[str] {
			return Link{}, nil, &apiError{409, "alias_taken", "alias is already in use"}
		}
		alias = &str
	}
	return link, alias, nil
}

func generateCode() string {
	b := make([]byte, 7)
	for i := range b {
		n, _ := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		b[i] = alphabet[n.Int64()]
	}
	return string(b)
}

func (s *server) create(w http.ResponseWriter, r *http.Request) {
	var body map[string]any
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&body); err != nil || body == nil {
		fail(w, apiError{400, "invalid_body", "body must be a JSON object"})
		return
	}
	link, alias, verr := validate(body, time.Now())
	if verr != nil {
		fail(w, *verr)
		return
	}
	for {
		if alias != nil {
			link.Code = *alias
		} else {
			link.Code = generateCode()
		}
		created, err := s.store.Insert(link)
		if errors.Is(err, errTaken) && alias == nil {
			continue // a generated code collided: draw another
		}
		if errors.Is(err, errTaken) {
			fail(w, apiError{409, "alias_taken", "alias is already in use"})
		} else if err != nil {
			fail(w, apiError{500, "internal", "could not store the link"})
		} else {
			send(w, 201, s.view(r, created))
		}
		return
	}
}

func (s *server) redirect(w http.ResponseWriter, r *http.Request, code string) {
	link, ok := s.store.Get(code)
	if !ok {
		fail(w, apiError{404, "not_found", "no link with this code"})
		return
	}
	now := time.Now()
	if link.ExpiresAt != nil {
		if at, _ := time.Parse(time.RFC3339Nano, *link.ExpiresAt); !at.After(now) {
			fail(w, apiError{410, "expired", "this link has expired"})
			return
		}
	}
	if err := s.store.Click(code, iso(now)); err != nil {
		fail(w, apiError{500, "internal", "could not count the click"})
		return
	}
	w.Header().Set("Location", link.URL)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusFound)
}

func (s *server) stats(w http.ResponseWriter, r *http.Request, code string) {
	link, ok := s.store.Get(code)
	if !ok {
		fail(w, apiError{404, "not_found", "no link with this code"})
		return
	}
	send(w, 200, s.view(r, link))
}

func env(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func main() {
	store, err := OpenStore(env("DATA_DIR", ".data"))
	if err != nil {
		log.Fatal(err)
	}
	port := env("PORT", "8080")
	fmt.Println("url-shortener listening on", port)
	log.Fatal(http.ListenAndServe("0.0.0.0:"+port, &server{store: store}))
}
