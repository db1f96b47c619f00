package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
)

// Entry is one key's current state.
type Entry struct {
	Value   string `json:"value"`
	Version int64  `json:"version"`
}

// record is one line of wal.log. It carries the key's resulting state, so replaying it twice is harmless:
// compaction writes the snapshot first and empties the log afterwards, and a crash in between only replays
// records the snapshot already holds.
type record struct {
	Op      string `json:"op"`
	Key     string `json:"key"`
	Value   string `json:"value,omitempty"`
	Version int64  `json:"version,omitempty"`
}

type snapshot struct {
	Entries map[string]Entry `json:"entries"`
}

// ErrConflict is returned when a compare-and-set finds another version; Current holds it.
type ErrConflict struct{ Current int64 }

func (e ErrConflict) Error() string { return "version mismatch" }

// Store keeps keys in memory and every change in wal.log, fsynced before the change is acknowledged.
// One mutex serialises check, append and update: that is what makes compare-and-set and versions exact.
type Store struct {
	mu             sync.Mutex
	dir            string
	entries        map[string]Entry
	wal            *os.File
	walBytes       int64
	compactAtBytes int64
}

func OpenStore(dir string, compactAtBytes int64) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	s := &Store{dir: dir, entries: map[string]Entry{}, compactAtBytes: compactAtBytes}
	// Renamed into place by compaction, so it is always complete.
	if data, err := os.ReadFile(s.path("snapshot.json")); err == nil {
		var snap snapshot
		if err := json.Unmarshal(data, &snap); err != nil {
			return nil, err
		}
		for k, e := range snap.Entries {
			s.entries[k] = e
		}
	}
	wal, err := os.OpenFile(s.path("wal.log"), os.O_CREATE|os.O_RDWR|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	s.wal = wal
	if err := s.replay(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Store) path(name string) string { return filepath.Join(s.dir, name) }

// replay applies every complete record and cuts off a torn tail, so the next append does not land behind it.
func (s *Store) replay() error {
	data, err := os.ReadFile(s.path("wal.log"))
	if err != nil {
		return err
	}
	start := 0
	for start < len(data) {
		end := bytes.IndexByte(data[start:], '\n')
		if end == -1 {
			break // no newline: the write was cut short and never acknowledged
		}
		var r record
		if json.Unmarshal(data[start:start+end], &r) != nil || (r.Op != "put" && r.Op != "delete") {
			break // garbage from a torn write: nothing after it was acknowledged either
		}
		s.apply(r)
		start += end + 1
	}
	if start < len(data) {
		if err := s.wal.Truncate(int64(start)); err != nil {
			return err
		}
		if err := s.wal.Sync(); err != nil {
			return err
		}
	}
	s.walBytes = int64(start)
	return nil
}

func (s *Store) apply(r record) {
	if r.Op == "put" {
		s.entries[r.Key] = Entry{Value: r.Value, Version: r.Version}
	} else {
		delete(s.entries, r.Key)
	}
}

func (s *Store) append(r record) error {
	line, err := json.Marshal(r)
	if err != nil {
		return err
	}
	line = append(line, '\n')
	if _, err := s.wal.Write(line); err != nil {
		return err
	}
	if err := s.wal.Sync(); err != nil { // durable before the caller acknowledges it
		return err
	}
	s.walBytes += int64(len(line))
	s.apply(r)
	if s.walBytes >= s.compactAtBytes {
		_, err = s.compact()
	}
	return err
}

func (s *Store) Get(key string) (Entry, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.entries[key]
	return e, ok
}

// Put writes key; ifVersion (when not nil) must match the current version, 0 meaning "absent".
func (s *Store) Put(key, value string, ifVersion *int64) (Entry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	current := s.entries[key].Version
	if ifVersion != nil && *ifVersion != current {
		return Entry{}, ErrConflict{current}
	}
	if err := s.append(record{Op: "put", Key: key, Value: value, Version: current + 1}); err != nil {
		return Entry{}, err
	}
	return s.entries[key], nil
}

var ErrNotFound = errors.New("not found")

func (s *Store) Delete(key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.entries[key]; !ok {
		return ErrNotFound
	}
	return s.append(record{Op: "delete", Key: key})
}

func (s *Store) Compact() (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.compact()
}

// compact: snapshot to a temporary file, fsync, rename, fsync the directory, and only then an empty log.
func (s *Store) compact() (int, error) {
	data, err := json.Marshal(snapshot{Entries: s.entries})
	if err != nil {
		return 0, err
	}
	tmp := s.path("snapshot.json.tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return 0, err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return 0, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return 0, err
	}
	f.Close()
	if err := os.Rename(tmp, s.path("snapshot.json")); err != nil {
		return 0, err
	}
	if d, err := os.Open(s.dir); err == nil {
		d.Sync()
		d.Close()
	}
	if err := s.wal.Truncate(0); err != nil {
		return 0, err
	}
	if err := s.wal.Sync(); err != nil {
		return 0, err
	}
	s.walBytes = 0
	return len(s.entries), nil
}
