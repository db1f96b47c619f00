package main

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"time"
)

// Parsing and validation of NDJSON batches; no I/O, so it can be unit-tested directly.

var isoRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$`)

var windowsMs = map[string]int64{"minute": 60_000, "hour": 3_600_000, "day": 86_400_000}

// Event is one stored event; Ts is epoch milliseconds.
type Event struct {
	ID    string   `json:"id"`
	Type  string   `json:"type"`
	Ts    int64    `json:"ts"`
	Value *float64 `json:"value"`
}

type lineError struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

// parseTimestamp returns epoch milliseconds; false for anything but the contract's format or an impossible date.
func parseTimestamp(s string) (int64, bool) {
	if !isoRe.MatchString(s) {
		return 0, false
	}
	t, err := time.Parse(time.RFC3339Nano, s) // rejects 2024-02-30 ("day out of range")
	if err != nil {
		return 0, false
	}
	return t.UnixMilli(), true
}

func toISO(ms int64) string { return time.UnixMilli(ms).UTC().Format("2006-01-02T15:04:05.000Z") }

func validateEvent(line string) (Event, string) {
	dec := json.NewDecoder(strings.NewReader(line))
	var raw any
	if err := dec.Decode(&raw); err != nil || dec.More() {
		return Event{}, "invalid JSON"
	}
	obj, ok := raw.(map[string]any)
	if !ok {
		return Event{}, "line must be a JSON object"
	}
	id, _ := obj["id"].(string)
	if len(id) == 0 || len([]rune(id)) > 128 {
		return Event{}, "id must be a non-empty string of at most 128 characters"
	}
	typ, _ := obj["type"].(string)
	if len(typ) == 0 || len([]rune(typ)) > 64 {
		return Event{}, "type must be a non-empty string of at most 64 characters"
	}
	tsText, _ := obj["timestamp"].(string)
	ts, ok := parseTimestamp(tsText)
	if !ok {
		return Event{}, "timestamp must be an ISO 8601 date-time with a timezone, e.g. 2024-05-01T10:00:00Z"
	}
	event := Event{ID: id, Type: typ, Ts: ts}
	if v, present := obj["value"]; present {
		f, isNumber := v.(float64)
		if !isNumber {
			return Event{}, "value, when present, must be a finite number"
		}
		event.Value = &f
	}
	return event, ""
}

// parseBatch numbers every physical line, blank ones included, so line numbers match the client's file.
func parseBatch(body []byte) (events []Event, errors []lineError, nonBlank int) {
	errors = []lineError{}
	for i, raw := range bytes.Split(body, []byte("\n")) {
		line := strings.TrimSuffix(string(raw), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		nonBlank++
		if event, reason := validateEvent(line); reason != "" {
			errors = append(errors, lineError{Line: i + 1, Reason: reason})
		} else {
			events = append(events, event)
		}
	}
	return events, errors, nonBlank
}
