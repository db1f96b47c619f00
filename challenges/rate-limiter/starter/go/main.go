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

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		send(w, 200, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		send(w, 501, map[string]string{"error": "not_implemented", "message": "TODO: implement GET /api/resource"})
	})
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	fmt.Println("listening on", port)
	log.Fatal(http.ListenAndServe("0.0.0.0:"+port, mux))
}
