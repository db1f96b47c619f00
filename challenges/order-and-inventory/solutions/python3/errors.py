class HttpError(Exception):
    def __init__(self, status, error, message, **extra):
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message
        self.extra = extra

    def body(self):
        return {"error": self.error, "message": self.message, **self.extra}
