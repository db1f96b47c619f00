// Compiled once at image build so the build cache holds every offline package; never run.
package main

import (
	_ "database/sql"
	_ "encoding/json"
	_ "net/http"
	_ "net/http/httptest"
	_ "testing"

	_ "github.com/gin-gonic/gin"
	_ "github.com/go-chi/chi/v5"
	_ "github.com/go-chi/chi/v5/middleware"
	_ "github.com/lib/pq"
)

func main() {}
