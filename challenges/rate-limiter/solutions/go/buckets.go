package main

import (
	"math"
	"sync"
	"time"
)

// Config is a key's limit.
type Config struct {
	Capacity        int
	RefillPerSecond float64
}

type bucket struct {
	tokens    float64
	updatedAt time.Time
}

// Registry holds token buckets refilled lazily from elapsed monotonic time. net/http serves requests on
// parallel goroutines, so every read-modify-write of a bucket happens under one mutex; without it two
// requests can both see one token left and both be admitted.
type Registry struct {
	mu       sync.Mutex
	defaults Config
	now      func() time.Time
	configs  map[string]Config
	buckets  map[string]*bucket
}

func NewRegistry(defaults Config, now func() time.Time) *Registry {
	return &Registry{defaults: defaults, now: now, configs: map[string]Config{}, buckets: map[string]*bucket{}}
}

func (r *Registry) config(key string) Config {
	if c, ok := r.configs[key]; ok {
		return c
	}
	return r.defaults
}

func (r *Registry) refill(key string) *bucket {
	c := r.config(key)
	now := r.now()
	b, ok := r.buckets[key]
	if !ok {
		b = &bucket{tokens: float64(c.Capacity), updatedAt: now} // first sight of a key: full bucket
		r.buckets[key] = b
		return b
	}
	b.tokens = math.Min(float64(c.Capacity), b.tokens+now.Sub(b.updatedAt).Seconds()*c.RefillPerSecond)
	b.updatedAt = now
	return b
}

// Decision is the outcome of one request against a key.
type Decision struct {
	Allowed    bool
	Capacity   int
	Remaining  int
	RetryAfter int
}

// Take consumes one token if one is available; a rejection consumes nothing.
func (r *Registry) Take(key string) Decision {
	r.mu.Lock()
	defer r.mu.Unlock()
	c := r.config(key)
	b := r.refill(key)
	if b.tokens >= 1 {
		b.tokens--
		return Decision{Allowed: true, Capacity: c.Capacity, Remaining: int(math.Floor(b.tokens))}
	}
	retry := int(math.Max(1, math.Ceil((1-b.tokens)/c.RefillPerSecond)))
	return Decision{Capacity: c.Capacity, RetryAfter: retry}
}

// Configure changes a key's limit without refilling: spent tokens stay spent, a lower capacity clamps.
func (r *Registry) Configure(key string, c Config) {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, seen := r.buckets[key]
	if seen {
		r.refill(key) // settle elapsed time at the old rate first
	}
	r.configs[key] = c
	if seen {
		r.buckets[key].tokens = math.Min(r.buckets[key].tokens, float64(c.Capacity))
	}
}

// Get returns a configured key's limit and whole tokens left; false when the key was never configured.
func (r *Registry) Get(key string) (Config, int, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	c, ok := r.configs[key]
	if !ok {
		return Config{}, 0, false
	}
	return c, int(math.Floor(r.refill(key).tokens)), true
}

// Remove puts a key back on the defaults with a fresh bucket; false when it was never configured.
func (r *Registry) Remove(key string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.configs[key]; !ok {
		return false
	}
	delete(r.configs, key)
	delete(r.buckets, key)
	return true
}
