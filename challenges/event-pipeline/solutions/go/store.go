package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// Store keeps events in memory and appends each batch's new events to a log, fsynced before the batch is
// acknowledged. One mutex makes "first stored wins" hold across concurrent batches.
type Store struct {
	mu     sync.Mutex
	byID   map[string]Event
	events []Event
	log    *os.File
}

func OpenStore(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "events.log")
	s := &Store{byID: map[string]Event{}}
	if f, err := os.Open(path); err == nil {
		scanner := bufio.NewScanner(f)
		scanner.Buffer(make([]byte, 1<<20), 1<<20)
		for scanner.Scan() {
			var e Event
			if json.Unmarshal(scanner.Bytes(), &e) != nil {
				break // a line cut short by a crash was never acknowledged
			}
			s.add(e)
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

func (s *Store) add(e Event) bool {
	if _, seen := s.byID[e.ID]; seen {
		return false
	}
	s.byID[e.ID] = e
	s.events = append(s.events, e)
	return true
}

// InsertNew stores the events whose ids are new and returns how many that was.
func (s *Store) InsertNew(batch []Event) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var buf []byte
	accepted := 0
	for _, e := range batch {
		if !s.add(e) {
			continue
		}
		line, _ := json.Marshal(e)
		buf = append(append(buf, line...), '\n')
		accepted++
	}
	if accepted == 0 {
		return 0, nil
	}
	if _, err := s.log.Write(buf); err != nil {
		return 0, err
	}
	return accepted, s.log.Sync()
}

func (s *Store) Get(id string) (Event, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.byID[id]
	return e, ok
}

type bucket struct {
	Start int64
	Type  string
	Count int
	Sum   float64
}

// Aggregate counts and sums events with from <= ts < to per UTC-aligned window (epoch ms are UTC) and type.
func (s *Store) Aggregate(windowMs, from, to int64, typ *string) []bucket {
	s.mu.Lock()
	defer s.mu.Unlock()
	type key struct {
		start int64
		typ   string
	}
	acc := map[key]*bucket{}
	for _, e := range s.events {
		if e.Ts < from || e.Ts >= to || (typ != nil && e.Type != *typ) {
			continue
		}
		start := e.Ts - ((e.Ts%windowMs)+windowMs)%windowMs
		b := acc[key{start, e.Type}]
		if b == nil {
			b = &bucket{Start: start, Type: e.Type}
			acc[key{start, e.Type}] = b
		}
		b.Count++
		if e.Value != nil {
			b.Sum += *e.Value
		}
	}
	out := make([]bucket, 0, len(acc))
	for _, b := range acc {
		out = append(out, *b)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].Type < out[j].Type
	})
	return out
}
