package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
)

// Link is one short link with its statistics, shaped like the API's responses.
type Link struct {
	Code           string  `json:"code"`
	URL            string  `json:"url"`
	CreatedAt      string  `json:"createdAt"`
	ExpiresAt      *string `json:"expiresAt"`
	Clicks         int     `json:"clicks"`
	LastAccessedAt *string `json:"lastAccessedAt"`
}

// event is one line of the append-only log: a creation or a click. Replaying the log rebuilds the state.
type event struct {
	Op   string `json:"op"`
	Link *Link  `json:"link,omitempty"`
	Code string `json:"code,omitempty"`
	At   string `json:"at,omitempty"`
}

var errTaken = errors.New("alias taken")

// Store keeps every link in memory and every change in a log fsynced before the change is acknowledged.
// One mutex serialises writers, which is what makes "exactly one of many concurrent aliases wins" hold.
type Store struct {
	mu    sync.Mutex
	links map[string]*Link
	log   *os.File
}

func OpenStore(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "links.log")
	s := &Store{links: map[string]*Link{}}
	if f, err := os.Open(path); err == nil {
		scanner := bufio.NewScanner(f)
		scanner.Buffer(make([]byte, 1<<20), 1<<20)
		for scanner.Scan() {
			var e event
			if json.Unmarshal(scanner.Bytes(), &e) != nil {
				break // a torn last line from a crash mid-write: it was never acknowledged
			}
			s.apply(e)
		}
		f.Close()
	}
	log, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	s.log = log
	return s, nil
}

func (s *Store) apply(e event) {
	switch e.Op {
	case "create":
		s.links[e.Link.Code] = e.Link
	case "click":
		if l := s.links[e.Code]; l != nil {
			at := e.At
			l.Clicks++
			l.LastAccessedAt = &at
		}
	}
}

func (s *Store) write(e event) error {
	data, _ := json.Marshal(e)
	if _, err := s.log.Write(append(data, '\n')); err != nil {
		return err
	}
	return s.log.Sync()
}

// Insert stores a new link unless its code exists; a copy is returned so callers never race on it.
func (s *Store) Insert(l Link) (Link, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.links[l.Code]; ok {
		return Link{}, errTaken
	}
	if err := s.write(event{Op: "create", Link: &l}); err != nil {
		return Link{}, err
	}
	s.links[l.Code] = &l
	return l, nil
}

func (s *Store) Get(code string) (Link, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.links[code]
	if !ok {
		return Link{}, false
	}
	return *l, true
}

func (s *Store) Click(code, at string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.write(event{Op: "click", Code: code, At: at}); err != nil {
		return err
	}
	s.apply(event{Op: "click", Code: code, At: at})
	return nil
}
