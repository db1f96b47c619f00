// Starting point: a working HTTP server with a health check. Everything else is yours to design and build.
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
)

func send(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func env(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func main() {
	// Persist anything that must survive a restart under DATA_DIR.
	if err := os.MkdirAll(env("DATA_DIR", ".data"), 0o755); err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		send(w, 200, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("/kv/", func(w http.ResponseWriter, r *http.Request) {
		send(w, 501, map[string]string{"error": "not_implemented", "message": "TODO: implement PUT, GET and DELETE /kv/{key}"})
	})
	port := env("PORT", "8080")
	fmt.Println("listening on", port)
	log.Fatal(http.ListenAndServe("0.0.0.0:"+port, mux))
}
