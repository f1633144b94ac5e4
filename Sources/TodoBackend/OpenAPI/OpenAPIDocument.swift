/// The OpenAPI 3.1 document of the backend API, served at `GET /api/openapi.json`.
///
/// Kept as a literal because this package ships no SwiftPM resources. Edit the JSON by hand when a
/// route, parameter or response shape changes; `Tests/e2e/test_openapi.py` checks that it stays a
/// valid document and that it lists exactly the routes the server answers. Long descriptions are
/// wrapped at 120 columns with a `\#` at the end of the line, which adds nothing to the string; the
/// next line goes on at the literal's own indentation.
enum OpenAPIDocument {
    /// The document as UTF-8 JSON.
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Todo Chatbot backend API",
            "version": "1.0.0",
            "description": "The backend of Todo Chatbot: accounts, tasks, notifications, chat and \#
        health.\n\nConventions:\n- JSON in and out (`application/json; charset=utf-8`). A POST, PUT or PATCH with a \#
        non-empty body of another media type is 415 `unsupported_media_type`; a body over `http.max_body_bytes` (1 \#
        MiB by default) is 413 `payload_too_large`. Both are checked before authentication.\n- Every error is \#
        `{\"error\": {\"code\", \"message\", \"details\"?}}`; `code` is stable.\n- An unknown path is 404 \#
        `route_not_found`; a known path with another method is 405 `method_not_allowed` with an `Allow` header. HEAD \#
        is served wherever GET is; a plain OPTIONS answers 204 with `Allow`, and CORS preflights are answered for the \#
        configured origins.\n- Every response carries `X-Request-ID` and `X-Correlation-ID` (the client's value when \#
        it is 1-128 characters of `[A-Za-z0-9._:-]`).\n- Tasks carry a version, sent as `ETag`; send it back in \#
        `If-Match` to refuse lost updates (412).\n"
          },
          "servers": [
            {
              "url": "http://127.0.0.1:8000",
              "description": "Local stack"
            }
          ],
          "tags": [
            {
              "name": "accounts",
              "description": "Sign-up, log-in and the profile."
            },
            {
              "name": "tasks",
              "description": "The signed-in user's tasks and tags."
            },
            {
              "name": "health",
              "description": "Liveness and readiness probes."
            },
            {
              "name": "meta",
              "description": "This document."
            },
            {
              "name": "notifications",
              "description": "Reminders delivered by the notification service, and how to receive them."
            },
            {
              "name": "chat",
              "description": "The offline English chat: messages that act on the user's tasks, and the stored \#
        conversations."
            },
            {
              "name": "mcp",
              "description": "The task tools over the Model Context Protocol (Streamable HTTP transport)."
            }
          ],
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "paths": {
            "/api/health": {
              "get": {
                "operationId": "getLiveness",
                "summary": "Liveness (no I/O)",
                "tags": [
                  "health"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  }
                ],
                "security": [],
                "responses": {
                  "200": {
                    "description": "Alive.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Liveness"
                        }
                      }
                    }
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/api/health/ready": {
              "get": {
                "operationId": "getReadiness",
                "summary": "Readiness: every dependency is reachable",
                "tags": [
                  "health"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  }
                ],
                "security": [],
                "responses": {
                  "200": {
                    "description": "Ready.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Readiness"
                        }
                      }
                    }
                  },
                  "503": {
                    "description": "A dependency is down; `failing` names it.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Readiness"
                        }
                      }
                    }
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/health": {
              "get": {
                "operationId": "getLivenessAlias",
                "summary": "Liveness (alias for probes)",
                "tags": [
                  "health"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  }
                ],
                "security": [],
                "responses": {
                  "200": {
                    "description": "Alive.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Liveness"
                        }
                      }
                    }
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/health/ready": {
              "get": {
                "operationId": "getReadinessAlias",
                "summary": "Readiness (alias for probes)",
                "tags": [
                  "health"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  }
                ],
                "security": [],
                "responses": {
                  "200": {
                    "description": "Ready.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Readiness"
                        }
                      }
                    }
                  },
                  "503": {
                    "description": "A dependency is down; `failing` names it.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Readiness"
                        }
                      }
                    }
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/metrics": {
              "get": {
                "operationId": "getMetrics",
                "summary": "Prometheus metrics",
                "description": "The service's metrics in the Prometheus text exposition format 0.0.4: \#
        `http_requests_total{service,method,route,status}` and `http_request_duration_seconds{service,method,route}` \#
        by route template (`unmatched` when no route matched), `http_requests_in_flight`, the event log's dead \#
        letters, the `process_*` families, and each service's own (`todo_*`). Every service answers it on its own \#
        port; docs/deployment.md lists the families.",
                "tags": [
                  "health"
                ],
                "security": [],
                "responses": {
                  "200": {
                    "description": "The metrics.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "text/plain; version=0.0.4; charset=utf-8": {
                        "schema": {
                          "type": "string"
                        },
                        "example": "# HELP http_requests_total HTTP requests answered, by route template and \#
        status.\n# TYPE http_requests_total \#
        counter\nhttp_requests_total{service=\"backend\",method=\"GET\",route=\"/api/tasks/{id}\",status=\"200\"} 7\n"
                      }
                    }
                  }
                }
              }
            },
            "/api/openapi.json": {
              "get": {
                "operationId": "getOpenAPIDocument",
                "summary": "This document",
                "tags": [
                  "meta"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  }
                ],
                "security": [],
                "responses": {
                  "200": {
                    "description": "The OpenAPI 3.1 document.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      },
                      "Cache-Control": {
                        "$ref": "#/components/headers/CacheControl"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object"
                        }
                      }
                    }
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/api/auth/signup": {
              "post": {
                "operationId": "signUp",
                "summary": "Create an account and sign in",
                "tags": [
                  "accounts"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/SignUpRequest"
                      }
                    }
                  }
                },
                "security": [],
                "responses": {
                  "201": {
                    "description": "Account created.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      },
                      "Cache-Control": {
                        "$ref": "#/components/headers/CacheControl"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Session"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "409": {
                    "description": "The email address is already registered. Codes: `email_taken`.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ErrorEnvelope"
                        }
                      }
                    }
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/ValidationFailed"
                  },
                  "429": {
                    "description": "Too many accounts created from this client address in the window \#
        (`auth.signup_max_per_address` per `auth.signup_window_seconds`). Codes: `too_many_signups`.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      },
                      "Retry-After": {
                        "$ref": "#/components/headers/RetryAfter"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "allOf": [
                            {
                              "$ref": "#/components/schemas/ErrorEnvelope"
                            },
                            {
                              "type": "object",
                              "properties": {
                                "error": {
                                  "type": "object",
                                  "required": [
                                    "details"
                                  ],
                                  "properties": {
                                    "details": {
                                      "type": "object",
                                      "required": [
                                        "retry_after"
                                      ],
                                      "properties": {
                                        "retry_after": {
                                          "type": "integer",
                                          "minimum": 1
                                        }
                                      }
                                    }
                                  }
                                }
                              }
                            }
                          ]
                        }
                      }
                    }
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/api/auth/login": {
              "post": {
                "operationId": "logIn",
                "summary": "Exchange email and password for a token",
                "tags": [
                  "accounts"
                ],
                "description": "Failed log-ins are counted per account and per client address; over the limit the \#
        endpoint answers 429 until the window has passed.",
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/LoginRequest"
                      }
                    }
                  }
                },
                "security": [],
                "responses": {
                  "200": {
                    "description": "Signed in.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      },
                      "Cache-Control": {
                        "$ref": "#/components/headers/CacheControl"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Session"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "description": "Wrong email or password. Codes: `invalid_credentials`.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      },
                      "WWW-Authenticate": {
                        "$ref": "#/components/headers/WWWAuthenticate"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ErrorEnvelope"
                        }
                      }
                    }
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/ValidationFailed"
                  },
                  "429": {
                    "description": "Too many failed log-ins for this account (or from this address) in the window. \#
        Codes: `too_many_attempts`.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      },
                      "Retry-After": {
                        "$ref": "#/components/headers/RetryAfter"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "allOf": [
                            {
                              "$ref": "#/components/schemas/ErrorEnvelope"
                            },
                            {
                              "type": "object",
                              "properties": {
                                "error": {
                                  "type": "object",
                                  "required": [
                                    "details"
                                  ],
                                  "properties": {
                                    "details": {
                                      "type": "object",
                                      "required": [
                                        "retry_after"
                                      ],
                                      "properties": {
                                        "retry_after": {
                                          "type": "integer",
                                          "minimum": 1
                                        }
                                      }
                                    }
                                  }
                                }
                              }
                            }
                          ]
                        }
                      }
                    }
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/api/me": {
              "get": {
                "operationId": "getMe",
                "summary": "The signed-in account",
                "tags": [
                  "accounts"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The account.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/User"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              },
              "patch": {
                "operationId": "updateMe",
                "summary": "Change profile settings",
                "tags": [
                  "accounts"
                ],
                "description": "A new timezone also moves the deadlines of the user's all-day tasks.",
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ProfileUpdate"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The updated account.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/User"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/ValidationFailed"
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/api/tasks": {
              "get": {
                "operationId": "listTasks",
                "summary": "List, filter and page through the user's tasks",
                "tags": [
                  "tasks"
                ],
                "description": "Unknown query parameters and invalid values are a 422 listing each parameter.",
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  },
                  {
                    "name": "status",
                    "in": "query",
                    "required": false,
                    "description": "Completion state (case-insensitive).",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "all",
                        "pending",
                        "completed"
                      ],
                      "default": "all"
                    }
                  },
                  {
                    "name": "priority",
                    "in": "query",
                    "required": false,
                    "description": "Tasks with any of these priorities; repeat the parameter or separate with commas.",
                    "schema": {
                      "type": "array",
                      "items": {
                        "type": "string",
                        "enum": [
                          "none",
                          "low",
                          "medium",
                          "high",
                          "urgent"
                        ]
                      }
                    },
                    "style": "form",
                    "explode": true
                  },
                  {
                    "name": "tag",
                    "in": "query",
                    "required": false,
                    "description": "Tasks carrying every one of these tags (case-insensitive); repeatable.",
                    "schema": {
                      "type": "array",
                      "items": {
                        "type": "string",
                        "maxLength": 400,
                        "description": "At most 50 characters. JSON Schema counts code points; the server also limits \#
        user-perceived characters to 50 (a family emoji or an accented letter is one), with at most 8 code points each."
                      }
                    },
                    "style": "form",
                    "explode": true
                  },
                  {
                    "name": "due_before",
                    "in": "query",
                    "required": false,
                    "description": "Deadline strictly before this instant (an all-day task's deadline is the end of \#
        its day).",
                    "schema": {
                      "type": "string",
                      "format": "date-time"
                    }
                  },
                  {
                    "name": "due_after",
                    "in": "query",
                    "required": false,
                    "description": "Deadline at or after this instant.",
                    "schema": {
                      "type": "string",
                      "format": "date-time"
                    }
                  },
                  {
                    "name": "overdue",
                    "in": "query",
                    "required": false,
                    "description": "true: pending tasks whose deadline has passed; false: all others. Also accepts 1 \#
        and 0.",
                    "schema": {
                      "type": "boolean"
                    }
                  },
                  {
                    "name": "q",
                    "in": "query",
                    "required": false,
                    "description": "Case-insensitive substring of title or description.",
                    "schema": {
                      "type": "string",
                      "maxLength": 200
                    }
                  },
                  {
                    "name": "sort",
                    "in": "query",
                    "required": false,
                    "description": "Sort key; tasks without a deadline sort last in ascending `due` order.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "due",
                        "priority",
                        "created",
                        "updated",
                        "title"
                      ],
                      "default": "due"
                    }
                  },
                  {
                    "name": "order",
                    "in": "query",
                    "required": false,
                    "description": "Sort direction.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "asc",
                        "desc"
                      ],
                      "default": "asc"
                    }
                  },
                  {
                    "name": "limit",
                    "in": "query",
                    "required": false,
                    "description": "Page size.",
                    "schema": {
                      "type": "integer",
                      "minimum": 1,
                      "maximum": 200,
                      "default": 50
                    }
                  },
                  {
                    "name": "cursor",
                    "in": "query",
                    "required": false,
                    "description": "`next_cursor` of the previous page; only valid with the same `sort` and `order`.",
                    "schema": {
                      "type": "string",
                      "maxLength": 1024
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "One page of tasks.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/TaskPage"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "422": {
                    "$ref": "#/components/responses/ValidationFailed"
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              },
              "post": {
                "operationId": "createTask",
                "summary": "Create a task",
                "tags": [
                  "tasks"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/TaskCreate"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "Created.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      },
                      "ETag": {
                        "$ref": "#/components/headers/ETag"
                      },
                      "Location": {
                        "$ref": "#/components/headers/Location"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Task"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/ValidationFailed"
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/api/tasks/{id}": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/TaskID"
                }
              ],
              "get": {
                "operationId": "getTask",
                "summary": "One task",
                "tags": [
                  "tasks"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The task.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      },
                      "ETag": {
                        "$ref": "#/components/headers/ETag"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Task"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "404": {
                    "$ref": "#/components/responses/TaskNotFound"
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              },
              "patch": {
                "operationId": "updateTask",
                "summary": "Change some fields of a task",
                "tags": [
                  "tasks"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  },
                  {
                    "$ref": "#/components/parameters/IfMatch"
                  },
                  {
                    "$ref": "#/components/parameters/OccurrenceScope"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/TaskUpdate"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The task after the change (unchanged, same version, when nothing differs).",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      },
                      "ETag": {
                        "$ref": "#/components/headers/ETag"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Task"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "404": {
                    "$ref": "#/components/responses/TaskNotFound"
                  },
                  "412": {
                    "$ref": "#/components/responses/PreconditionFailed"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/ValidationFailed"
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                },
                "description": "Only the fields sent change. For an occurrence of a repeating task, `scope=following` \#
        gives the later occurrences that exist the same title, description, priority, tags and reminders (they keep \#
        their own due times), and restarts the series' schedule at this occurrence's due time; a series with COUNT \#
        keeps the number of occurrences it had left."
              },
              "delete": {
                "operationId": "deleteTask",
                "summary": "Delete a task",
                "tags": [
                  "tasks"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  },
                  {
                    "$ref": "#/components/parameters/IfMatch"
                  },
                  {
                    "$ref": "#/components/parameters/OccurrenceScope"
                  }
                ],
                "responses": {
                  "204": {
                    "description": "Deleted.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "404": {
                    "$ref": "#/components/responses/TaskNotFound"
                  },
                  "412": {
                    "$ref": "#/components/responses/PreconditionFailed"
                  },
                  "422": {
                    "$ref": "#/components/responses/ValidationFailed"
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                },
                "description": "With `scope=following`, the later occurrences of the task's series are deleted too. A \#
        deleted occurrence never comes back: only completing the newest occurrence of a series creates the next one."
              }
            },
            "/api/tasks/{id}/complete": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/TaskID"
                }
              ],
              "post": {
                "operationId": "completeTask",
                "summary": "Mark a task done",
                "tags": [
                  "tasks"
                ],
                "description": "Takes no body.",
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  },
                  {
                    "$ref": "#/components/parameters/IfMatch"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The task; unchanged (same version) when it already was in that state.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      },
                      "ETag": {
                        "$ref": "#/components/headers/ETag"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Task"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "404": {
                    "$ref": "#/components/responses/TaskNotFound"
                  },
                  "412": {
                    "$ref": "#/components/responses/PreconditionFailed"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/api/tasks/{id}/reopen": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/TaskID"
                }
              ],
              "post": {
                "operationId": "reopenTask",
                "summary": "Mark a task not done",
                "tags": [
                  "tasks"
                ],
                "description": "Takes no body.",
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  },
                  {
                    "$ref": "#/components/parameters/IfMatch"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The task; unchanged (same version) when it already was in that state.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      },
                      "ETag": {
                        "$ref": "#/components/headers/ETag"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Task"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "404": {
                    "$ref": "#/components/responses/TaskNotFound"
                  },
                  "412": {
                    "$ref": "#/components/responses/PreconditionFailed"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/api/tags": {
              "get": {
                "operationId": "listTags",
                "summary": "The user's tags with usage counts",
                "tags": [
                  "tasks"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Every tag in use.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/TagList"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/api/notifications": {
              "get": {
                "operationId": "listNotifications",
                "summary": "The reminders delivered to the user, newest first",
                "tags": [
                  "notifications"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  },
                  {
                    "name": "unread",
                    "in": "query",
                    "schema": {
                      "type": "boolean"
                    },
                    "description": "Only those not yet read."
                  },
                  {
                    "name": "limit",
                    "in": "query",
                    "schema": {
                      "type": "integer",
                      "minimum": 1,
                      "maximum": 200,
                      "default": 50
                    }
                  },
                  {
                    "name": "cursor",
                    "in": "query",
                    "schema": {
                      "type": "string"
                    },
                    "description": "`next_cursor` of the previous page."
                  }
                ],
                "responses": {
                  "200": {
                    "description": "A page of notifications.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/NotificationPage"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "422": {
                    "$ref": "#/components/responses/ValidationFailed"
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/api/notifications/{id}/read": {
              "post": {
                "operationId": "markNotificationRead",
                "summary": "Mark a notification read (marking it again changes nothing)",
                "tags": [
                  "notifications"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  },
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The notification, now read.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Notification"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotificationNotFound"
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/api/me/notifications": {
              "get": {
                "operationId": "getNotificationPreferences",
                "summary": "How the user is notified: channels, webhook, quiet hours",
                "tags": [
                  "notifications"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The preferences.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/NotificationPreferences"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              },
              "put": {
                "operationId": "putNotificationPreferences",
                "summary": "Replace the notification preferences",
                "tags": [
                  "notifications"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/NotificationPreferencesUpdate"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The preferences now.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/NotificationPreferences"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/ValidationFailed"
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/api/chat": {
              "post": {
                "operationId": "chat",
                "summary": "Send a chat message; the engine acts on the user's tasks and replies",
                "tags": [
                  "chat"
                ],
                "description": "Starts a conversation, or continues `conversation_id`: \"mark it done\" or \"the \#
        second one\" refer to what earlier replies showed. The changes the message makes emit task events with this \#
        request's correlation id and the source `/chat`. With a language model configured (`chat.engine: \#
        openai-compatible`), the model answers through the same task tools, acting for the signed-in user only; when \#
        it cannot be asked, the offline engine answers that message and `engine` says so.",
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ChatRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The reply and the actions taken.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ChatReply"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "404": {
                    "$ref": "#/components/responses/ConversationNotFound"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/ValidationFailed"
                  },
                  "429": {
                    "description": "Too many chat messages from this user in the window (`chat.rate_limit_messages` \#
        per `chat.rate_limit_window_seconds`). Codes: `chat_rate_limited`.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      },
                      "Retry-After": {
                        "$ref": "#/components/headers/RetryAfter"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "allOf": [
                            {
                              "$ref": "#/components/schemas/ErrorEnvelope"
                            },
                            {
                              "type": "object",
                              "properties": {
                                "error": {
                                  "type": "object",
                                  "required": [
                                    "details"
                                  ],
                                  "properties": {
                                    "details": {
                                      "type": "object",
                                      "required": [
                                        "retry_after"
                                      ],
                                      "properties": {
                                        "retry_after": {
                                          "type": "integer",
                                          "minimum": 1
                                        }
                                      }
                                    }
                                  }
                                }
                              }
                            }
                          ]
                        }
                      }
                    }
                  },
                  "503": {
                    "description": "Every thread of the blocking pool is busy and `http.blocking_queue` messages \#
        already wait (`http.blocking_threads`); the message was not handled, so it may be sent again after \#
        `Retry-After`. Codes: `server_busy`.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      },
                      "Retry-After": {
                        "$ref": "#/components/headers/RetryAfter"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ErrorEnvelope"
                        }
                      }
                    }
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/api/conversations": {
              "get": {
                "operationId": "listConversations",
                "summary": "The user's conversations, most recently active first",
                "tags": [
                  "chat"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  },
                  {
                    "name": "limit",
                    "in": "query",
                    "schema": {
                      "type": "integer",
                      "minimum": 1,
                      "maximum": 100,
                      "default": 20
                    }
                  },
                  {
                    "name": "cursor",
                    "in": "query",
                    "schema": {
                      "type": "string"
                    },
                    "description": "`next_cursor` of the previous page."
                  }
                ],
                "responses": {
                  "200": {
                    "description": "A page of conversations.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ConversationPage"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "422": {
                    "$ref": "#/components/responses/ValidationFailed"
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/api/conversations/{id}": {
              "get": {
                "operationId": "getConversation",
                "summary": "A conversation with its messages, oldest first",
                "tags": [
                  "chat"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  },
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The conversation.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Conversation"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "404": {
                    "$ref": "#/components/responses/ConversationNotFound"
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              },
              "delete": {
                "operationId": "deleteConversation",
                "summary": "Delete a conversation and its messages (its tasks stay)",
                "tags": [
                  "chat"
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  },
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "204": {
                    "description": "Deleted.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "404": {
                    "$ref": "#/components/responses/ConversationNotFound"
                  },
                  "default": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/mcp": {
              "post": {
                "operationId": "mcpMessage",
                "summary": "Send one MCP (JSON-RPC) message",
                "tags": [
                  "mcp"
                ],
                "description": "MCP's Streamable HTTP transport (protocol versions 2024-11-05 to 2025-11-25). The \#
        body is one JSON-RPC message, or a batch where the negotiated version allows one. `initialize` opens a \#
        session and its response carries `Mcp-Session-Id`; every later request sends it back. A session belongs to \#
        the user of the token that opened it and is 404 for anyone else; sessions end on DELETE or after 30 minutes \#
        idle. Methods: `initialize`, `ping`, `tools/list`, `tools/call` (add_task, list_tasks, complete_task, \#
        delete_task, update_task, set_reminder; a failing tool answers a result with `isError: true`). Answers are \#
        `application/json` only; there is no server-sent event stream, so GET is 405. Task changes emit events with \#
        the source `/mcp` and this request's correlation id. A request with an `Origin` outside the CORS origins is \#
        refused (DNS-rebinding protection).",
                "parameters": [
                  {
                    "name": "Mcp-Session-Id",
                    "in": "header",
                    "required": false,
                    "description": "The session id that `initialize` returned; required on every request but \#
        `initialize`.",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "MCP-Protocol-Version",
                    "in": "header",
                    "required": false,
                    "description": "The protocol version `initialize` negotiated; another value is 400 \#
        `mcp_protocol_version_mismatch`.",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "$ref": "#/components/parameters/XCorrelationID"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "oneOf": [
                          {
                            "type": "object"
                          },
                          {
                            "type": "array",
                            "items": {
                              "type": "object"
                            }
                          }
                        ],
                        "description": "A JSON-RPC request, notification or response, or a batch of them."
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The JSON-RPC response (an array for a batch). After `initialize`, the \#
        `Mcp-Session-Id` header names the new session.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "oneOf": [
                            {
                              "$ref": "#/components/schemas/JSONRPCMessage"
                            },
                            {
                              "type": "array",
                              "items": {
                                "$ref": "#/components/schemas/JSONRPCMessage"
                              }
                            }
                          ]
                        }
                      }
                    }
                  },
                  "202": {
                    "description": "The body held only notifications or responses; nothing to answer.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    }
                  },
                  "400": {
                    "description": "A JSON-RPC parse error (`-32700`) for a body that is not JSON, or the error \#
        envelope: `mcp_session_required`, `mcp_protocol_version_mismatch`.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "oneOf": [
                            {
                              "$ref": "#/components/schemas/JSONRPCMessage"
                            },
                            {
                              "$ref": "#/components/schemas/ErrorEnvelope"
                            }
                          ]
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "description": "The request's `Origin` is not one of the CORS origins. Codes: \#
        `origin_not_allowed`.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ErrorEnvelope"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "No such session for this user (unknown, ended, expired or another user's). Codes: \#
        `mcp_session_not_found`.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ErrorEnvelope"
                        }
                      }
                    }
                  },
                  "406": {
                    "description": "`Accept` does not allow `application/json`. Codes: `not_acceptable`.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ErrorEnvelope"
                        }
                      }
                    }
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  }
                }
              },
              "delete": {
                "operationId": "mcpEndSession",
                "summary": "End an MCP session",
                "tags": [
                  "mcp"
                ],
                "parameters": [
                  {
                    "name": "Mcp-Session-Id",
                    "in": "header",
                    "required": true,
                    "description": "The session id that `initialize` returned; required on every request but \#
        `initialize`.",
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "204": {
                    "description": "The session is gone.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    }
                  },
                  "400": {
                    "description": "No `Mcp-Session-Id` header. Codes: `mcp_session_required`.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ErrorEnvelope"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "description": "The request's `Origin` is not one of the CORS origins. Codes: \#
        `origin_not_allowed`.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ErrorEnvelope"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "No such session for this user. Codes: `mcp_session_not_found`.",
                    "headers": {
                      "X-Request-ID": {
                        "$ref": "#/components/headers/XRequestID"
                      },
                      "X-Correlation-ID": {
                        "$ref": "#/components/headers/XCorrelationID"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ErrorEnvelope"
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "components": {
            "securitySchemes": {
              "bearerAuth": {
                "type": "http",
                "scheme": "bearer",
                "bearerFormat": "JWT",
                "description": "The `access_token` from sign-up or log-in."
              }
            },
            "parameters": {
              "TaskID": {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "A task id (UUIDv7, lowercase). Anything else answers 404.",
                "schema": {
                  "type": "string",
                  "format": "uuid",
                  "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                }
              },
              "IfMatch": {
                "name": "If-Match",
                "in": "header",
                "required": false,
                "description": "The version the change is based on: `\"3\"`, `W/\"3\"` or `3`; `*` or absent skips \#
        the check.",
                "schema": {
                  "type": "string"
                }
              },
              "XCorrelationID": {
                "name": "X-Correlation-ID",
                "in": "header",
                "required": false,
                "description": "Echoed back and logged; 1-128 characters of `[A-Za-z0-9._:-]`, else replaced by the \#
        request id.",
                "schema": {
                  "type": "string"
                }
              },
              "OccurrenceScope": {
                "name": "scope",
                "in": "query",
                "required": false,
                "description": "For an occurrence of a repeating task: `this` (the default) changes or deletes this \#
        task only; `following` also changes or deletes every later occurrence of its series and moves the series' \#
        schedule to this occurrence. A change to `recurrence` or `recurrence_mode` always applies to the series from \#
        this occurrence on.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "this",
                    "following"
                  ],
                  "default": "this"
                }
              }
            },
            "headers": {
              "XRequestID": {
                "description": "The id the server gave this request.",
                "schema": {
                  "type": "string"
                }
              },
              "XCorrelationID": {
                "description": "The client's X-Correlation-ID when valid, otherwise the request id.",
                "schema": {
                  "type": "string",
                  "pattern": "^[A-Za-z0-9._:-]{1,128}$"
                }
              },
              "ETag": {
                "description": "The task version as a strong entity tag, e.g. `\"3\"`.",
                "schema": {
                  "type": "string",
                  "pattern": "^\"[1-9][0-9]*\"$"
                }
              },
              "Location": {
                "description": "The new task's URL.",
                "schema": {
                  "type": "string"
                }
              },
              "RetryAfter": {
                "description": "Seconds to wait before trying again.",
                "schema": {
                  "type": "integer",
                  "minimum": 1
                }
              },
              "WWWAuthenticate": {
                "description": "Always `Bearer`.",
                "schema": {
                  "type": "string",
                  "const": "Bearer"
                }
              },
              "Allow": {
                "description": "The methods the path supports.",
                "schema": {
                  "type": "string"
                }
              },
              "CacheControl": {
                "schema": {
                  "type": "string"
                }
              }
            },
            "schemas": {
              "ErrorEnvelope": {
                "type": "object",
                "description": "Every error response. `code` is stable and machine-readable; `message` is safe to \#
        show.",
                "required": [
                  "error"
                ],
                "additionalProperties": false,
                "properties": {
                  "error": {
                    "type": "object",
                    "required": [
                      "code",
                      "message"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "code": {
                        "type": "string",
                        "examples": [
                          "validation_failed"
                        ]
                      },
                      "message": {
                        "type": "string"
                      },
                      "details": {
                        "description": "Structured context; present only for some codes (`validation_failed`, \#
        `version_mismatch`, `payload_too_large`, `too_many_attempts`)."
                      }
                    }
                  }
                }
              },
              "FieldError": {
                "type": "object",
                "required": [
                  "field",
                  "code",
                  "message"
                ],
                "additionalProperties": false,
                "properties": {
                  "field": {
                    "type": "string",
                    "description": "The field or query parameter, with dots and indexes (`tags[2]`, `reminders[0].at`)."
                  },
                  "code": {
                    "type": "string",
                    "examples": [
                      "required",
                      "invalid_type",
                      "invalid_value",
                      "too_long",
                      "unknown_field"
                    ]
                  },
                  "message": {
                    "type": "string"
                  }
                }
              },
              "ValidationDetails": {
                "type": "object",
                "required": [
                  "fields"
                ],
                "properties": {
                  "fields": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                      "$ref": "#/components/schemas/FieldError"
                    }
                  }
                }
              },
              "User": {
                "type": "object",
                "description": "The signed-in account.",
                "required": [
                  "id",
                  "email",
                  "name",
                  "timezone",
                  "quiet_hours_start",
                  "quiet_hours_end",
                  "notification_channels",
                  "created_at",
                  "updated_at"
                ],
                "additionalProperties": false,
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid",
                    "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                  },
                  "email": {
                    "type": "string",
                    "format": "email",
                    "description": "Lowercased and trimmed."
                  },
                  "name": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 1600,
                    "description": "At most 200 characters. JSON Schema counts code points; the server also limits \#
        user-perceived characters to 200 (a family emoji or an accented letter is one), with at most 8 code points \#
        each."
                  },
                  "timezone": {
                    "type": "string",
                    "description": "IANA timezone identifier.",
                    "examples": [
                      "Europe/Berlin"
                    ]
                  },
                  "quiet_hours_start": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"
                  },
                  "quiet_hours_end": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"
                  },
                  "notification_channels": {
                    "type": "array",
                    "uniqueItems": true,
                    "items": {
                      "type": "string",
                      "enum": [
                        "in_app",
                        "browser"
                      ]
                    }
                  },
                  "created_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "updated_at": {
                    "type": "string",
                    "format": "date-time"
                  }
                }
              },
              "Session": {
                "type": "object",
                "description": "An access token and the account it is for.",
                "required": [
                  "access_token",
                  "token_type",
                  "expires_in",
                  "expires_at",
                  "user"
                ],
                "additionalProperties": false,
                "properties": {
                  "access_token": {
                    "type": "string",
                    "description": "A JWT (HS256); send it as `Authorization: Bearer <token>`."
                  },
                  "token_type": {
                    "type": "string",
                    "const": "bearer"
                  },
                  "expires_in": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Seconds until the token expires."
                  },
                  "expires_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "user": {
                    "$ref": "#/components/schemas/User"
                  }
                }
              },
              "Reminder": {
                "description": "At a fixed instant, or a number of minutes before the task is due.",
                "oneOf": [
                  {
                    "type": "object",
                    "title": "ReminderAt",
                    "required": [
                      "at"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "at": {
                        "type": "string",
                        "format": "date-time"
                      }
                    }
                  },
                  {
                    "type": "object",
                    "title": "ReminderBefore",
                    "required": [
                      "minutes_before"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "minutes_before": {
                        "type": "integer",
                        "minimum": 0,
                        "maximum": 527040
                      }
                    }
                  }
                ]
              },
              "Task": {
                "type": "object",
                "description": "A task. Instants are RFC 3339 in UTC; `due_at_local` repeats `due_at` at the owner's \#
        offset. An all-day task has `due_date` and null `due_at`. `version` starts at 1, grows by one per change and \#
        is also sent as the `ETag`.",
                "required": [
                  "id",
                  "title",
                  "description",
                  "completed",
                  "completed_at",
                  "priority",
                  "tags",
                  "due_at",
                  "due_at_local",
                  "due_date",
                  "timezone",
                  "recurrence",
                  "recurrence_mode",
                  "series_id",
                  "occurrence",
                  "reminders",
                  "created_at",
                  "updated_at",
                  "version"
                ],
                "additionalProperties": false,
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid",
                    "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
                  },
                  "title": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 4000,
                    "description": "At most 500 characters. JSON Schema counts code points; the server also limits \#
        user-perceived characters to 500 (a family emoji or an accented letter is one), with at most 8 code points \#
        each."
                  },
                  "description": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 80000,
                    "description": "At most 10000 characters. JSON Schema counts code points; the server also limits \#
        user-perceived characters to 10000 (a family emoji or an accented letter is one), with at most 8 code points \#
        each."
                  },
                  "completed": {
                    "type": "boolean"
                  },
                  "completed_at": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time"
                  },
                  "priority": {
                    "type": "string",
                    "enum": [
                      "none",
                      "low",
                      "medium",
                      "high",
                      "urgent"
                    ]
                  },
                  "tags": {
                    "type": "array",
                    "maxItems": 20,
                    "items": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 400,
                      "description": "At most 50 characters. JSON Schema counts code points; the server also limits \#
        user-perceived characters to 50 (a family emoji or an accented letter is one), with at most 8 code points each."
                    }
                  },
                  "due_at": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time"
                  },
                  "due_at_local": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time"
                  },
                  "due_date": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date"
                  },
                  "timezone": {
                    "type": "string",
                    "description": "The owner's timezone, used for `due_at_local` and all-day tasks."
                  },
                  "recurrence": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "RFC 5545 RRULE value in canonical form, the rule of the task's series; null for a \#
        task that does not repeat.",
                    "examples": [
                      "FREQ=WEEKLY;BYDAY=TU"
                    ]
                  },
                  "recurrence_mode": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "enum": [
                      "from_schedule",
                      "from_completion",
                      null
                    ],
                    "description": "What the next occurrence counts from: `from_schedule`, the schedule's next \#
        occurrence after this one's due time that is not already overdue when this one is completed; \#
        `from_completion`, the rule restarted on the day this one was completed. Null when the task does not repeat."
                  },
                  "series_id": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "uuid",
                    "description": "The series of occurrences this task belongs to; completing its newest occurrence \#
        makes the recurring-task service create the next one."
                  },
                  "occurrence": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "minimum": 1,
                    "description": "Which occurrence of its series this task is (1, 2, ...)."
                  },
                  "reminders": {
                    "type": "array",
                    "maxItems": 10,
                    "items": {
                      "$ref": "#/components/schemas/Reminder"
                    }
                  },
                  "created_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "updated_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "version": {
                    "type": "integer",
                    "minimum": 1
                  }
                }
              },
              "TaskPage": {
                "type": "object",
                "required": [
                  "tasks",
                  "next_cursor"
                ],
                "additionalProperties": false,
                "properties": {
                  "tasks": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Task"
                    }
                  },
                  "next_cursor": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Pass as `cursor` (with the same `sort` and `order`) for the next page; null on \#
        the last page."
                  }
                }
              },
              "TagUsage": {
                "type": "object",
                "required": [
                  "name",
                  "task_count",
                  "pending_count"
                ],
                "additionalProperties": false,
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "task_count": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "pending_count": {
                    "type": "integer",
                    "minimum": 0
                  }
                }
              },
              "TagList": {
                "type": "object",
                "required": [
                  "tags"
                ],
                "additionalProperties": false,
                "properties": {
                  "tags": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/TagUsage"
                    }
                  }
                }
              },
              "Liveness": {
                "type": "object",
                "required": [
                  "status",
                  "service"
                ],
                "additionalProperties": false,
                "properties": {
                  "status": {
                    "type": "string",
                    "const": "ok"
                  },
                  "service": {
                    "type": "string",
                    "examples": [
                      "backend"
                    ]
                  }
                }
              },
              "Readiness": {
                "type": "object",
                "required": [
                  "status",
                  "service",
                  "checks"
                ],
                "additionalProperties": false,
                "properties": {
                  "status": {
                    "type": "string",
                    "enum": [
                      "ready",
                      "unavailable"
                    ]
                  },
                  "service": {
                    "type": "string"
                  },
                  "checks": {
                    "type": "object",
                    "description": "One entry per dependency, by name (`database`, `event_log`).",
                    "additionalProperties": {
                      "oneOf": [
                        {
                          "type": "object",
                          "required": [
                            "status",
                            "duration_ms"
                          ],
                          "additionalProperties": false,
                          "properties": {
                            "status": {
                              "const": "up"
                            },
                            "duration_ms": {
                              "type": "integer",
                              "minimum": 0
                            },
                            "details": {
                              "type": "object",
                              "description": "What the check saw; for `event_log`: `topics` (messages ever appended, \#
        by topic), `dead_letter_messages` (retained, by dead-letter topic) and, where the service consumes, \#
        `consumers` (group, members, lag, per-partition offsets and counts since start)."
                            }
                          }
                        },
                        {
                          "type": "object",
                          "required": [
                            "status",
                            "error",
                            "duration_ms"
                          ],
                          "additionalProperties": false,
                          "properties": {
                            "status": {
                              "const": "down"
                            },
                            "error": {
                              "type": "string"
                            },
                            "duration_ms": {
                              "type": "integer",
                              "minimum": 0
                            }
                          }
                        }
                      ]
                    }
                  },
                  "failing": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    },
                    "description": "Present when not ready."
                  }
                }
              },
              "SignUpRequest": {
                "type": "object",
                "required": [
                  "email",
                  "password"
                ],
                "additionalProperties": false,
                "properties": {
                  "email": {
                    "type": "string",
                    "format": "email",
                    "maxLength": 254
                  },
                  "password": {
                    "type": "string",
                    "minLength": 8,
                    "description": "At least 8 characters and at most 1024 bytes of UTF-8."
                  },
                  "name": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 1600,
                    "description": "Trimmed; no control characters. At most 200 characters. JSON Schema counts code \#
        points; the server also limits user-perceived characters to 200 (a family emoji or an accented letter is \#
        one), with at most 8 code points each."
                  },
                  "timezone": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 64,
                    "description": "IANA timezone; UTC when absent or null."
                  }
                }
              },
              "LoginRequest": {
                "type": "object",
                "required": [
                  "email",
                  "password"
                ],
                "properties": {
                  "email": {
                    "type": "string"
                  },
                  "password": {
                    "type": "string"
                  }
                }
              },
              "ProfileUpdate": {
                "type": "object",
                "description": "Only the fields sent change. Quiet hours are set together (both `HH:MM`, different) \#
        or cleared together (both null). Read-only fields of User may be sent back and are ignored.",
                "additionalProperties": false,
                "properties": {
                  "name": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 1600,
                    "description": "At most 200 characters. JSON Schema counts code points; the server also limits \#
        user-perceived characters to 200 (a family emoji or an accented letter is one), with at most 8 code points \#
        each."
                  },
                  "timezone": {
                    "type": "string",
                    "maxLength": 64
                  },
                  "quiet_hours_start": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"
                  },
                  "quiet_hours_end": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"
                  },
                  "notification_channels": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "enum": [
                        "in_app",
                        "browser"
                      ]
                    }
                  },
                  "id": {
                    "description": "Ignored."
                  },
                  "email": {
                    "description": "Ignored."
                  },
                  "created_at": {
                    "description": "Ignored."
                  },
                  "updated_at": {
                    "description": "Ignored."
                  }
                }
              },
              "TaskCreate": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "title": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 4000,
                    "description": "Trimmed; must not be empty or contain control characters. At most 500 characters. \#
        JSON Schema counts code points; the server also limits user-perceived characters to 500 (a family emoji or an \#
        accented letter is one), with at most 8 code points each."
                  },
                  "description": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 80000,
                    "description": "No control characters except newline, carriage return and tab; empty or null \#
        clears it. At most 10000 characters. JSON Schema counts code points; the server also limits user-perceived \#
        characters to 10000 (a family emoji or an accented letter is one), with at most 8 code points each."
                  },
                  "priority": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "enum": [
                      "none",
                      "low",
                      "medium",
                      "high",
                      "urgent",
                      null
                    ],
                    "description": "Case-insensitive; null means `none`."
                  },
                  "tags": {
                    "type": [
                      "array",
                      "null"
                    ],
                    "maxItems": 20,
                    "description": "Trimmed, a leading `#` dropped, duplicates (ignoring case) removed; at most 20 \#
        after that. No spaces, commas, `#` or control characters. Null clears the tags.",
                    "items": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 400,
                      "description": "At most 50 characters. JSON Schema counts code points; the server also limits \#
        user-perceived characters to 50 (a family emoji or an accented letter is one), with at most 8 code points each."
                    }
                  },
                  "due_at": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time",
                    "description": "An instant with an offset. Send either `due_at` or `due_date`, not both; null \#
        clears."
                  },
                  "due_date": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date",
                    "description": "All-day deadline in the owner's timezone."
                  },
                  "recurrence": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 500,
                    "description": "RFC 5545 RRULE (optionally prefixed `RRULE:`): FREQ DAILY, WEEKLY, MONTHLY or \#
        YEARLY with INTERVAL, BYDAY (ordinals such as -1FR in monthly and yearly rules), BYMONTHDAY (negative counts \#
        from the month's end), BYMONTH, BYYEARDAY, BYSETPOS, WKST, and COUNT (up to 1000) or UNTIL. The time of day \#
        comes from the due time, so BYHOUR, BYMINUTE and BYSECOND are refused, as is BYWEEKNO. Needs `due_at` or \#
        `due_date`. An invalid rule is a 422 `invalid_rrule` whose message names the part."
                  },
                  "recurrence_mode": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "enum": [
                      "from_schedule",
                      "from_completion",
                      null
                    ],
                    "description": "`from_schedule` (the default, also for null) or `from_completion`; needs a \#
        recurrence."
                  },
                  "reminders": {
                    "type": [
                      "array",
                      "null"
                    ],
                    "maxItems": 10,
                    "items": {
                      "$ref": "#/components/schemas/Reminder"
                    },
                    "description": "A `minutes_before` reminder needs the task to have a due time."
                  },
                  "completed": {
                    "type": "boolean"
                  },
                  "id": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "completed_at": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "created_at": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "updated_at": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "version": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "due_at_local": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "due": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "timezone": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "series_id": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "occurrence": {
                    "description": "Read-only; ignored when sent back."
                  }
                },
                "required": [
                  "title"
                ]
              },
              "TaskUpdate": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "title": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 4000,
                    "description": "Trimmed; must not be empty or contain control characters. At most 500 characters. \#
        JSON Schema counts code points; the server also limits user-perceived characters to 500 (a family emoji or an \#
        accented letter is one), with at most 8 code points each."
                  },
                  "description": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 80000,
                    "description": "No control characters except newline, carriage return and tab; empty or null \#
        clears it. At most 10000 characters. JSON Schema counts code points; the server also limits user-perceived \#
        characters to 10000 (a family emoji or an accented letter is one), with at most 8 code points each."
                  },
                  "priority": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "enum": [
                      "none",
                      "low",
                      "medium",
                      "high",
                      "urgent",
                      null
                    ],
                    "description": "Case-insensitive; null means `none`."
                  },
                  "tags": {
                    "type": [
                      "array",
                      "null"
                    ],
                    "maxItems": 20,
                    "description": "Trimmed, a leading `#` dropped, duplicates (ignoring case) removed; at most 20 \#
        after that. No spaces, commas, `#` or control characters. Null clears the tags.",
                    "items": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 400,
                      "description": "At most 50 characters. JSON Schema counts code points; the server also limits \#
        user-perceived characters to 50 (a family emoji or an accented letter is one), with at most 8 code points each."
                    }
                  },
                  "due_at": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time",
                    "description": "An instant with an offset. Send either `due_at` or `due_date`, not both; null \#
        clears."
                  },
                  "due_date": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date",
                    "description": "All-day deadline in the owner's timezone."
                  },
                  "recurrence": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 500,
                    "description": "RFC 5545 RRULE (optionally prefixed `RRULE:`): FREQ DAILY, WEEKLY, MONTHLY or \#
        YEARLY with INTERVAL, BYDAY (ordinals such as -1FR in monthly and yearly rules), BYMONTHDAY (negative counts \#
        from the month's end), BYMONTH, BYYEARDAY, BYSETPOS, WKST, and COUNT (up to 1000) or UNTIL. The time of day \#
        comes from the due time, so BYHOUR, BYMINUTE and BYSECOND are refused, as is BYWEEKNO. Needs `due_at` or \#
        `due_date`. An invalid rule is a 422 `invalid_rrule` whose message names the part."
                  },
                  "recurrence_mode": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "enum": [
                      "from_schedule",
                      "from_completion",
                      null
                    ],
                    "description": "`from_schedule` (the default, also for null) or `from_completion`; needs a \#
        recurrence."
                  },
                  "reminders": {
                    "type": [
                      "array",
                      "null"
                    ],
                    "maxItems": 10,
                    "items": {
                      "$ref": "#/components/schemas/Reminder"
                    },
                    "description": "A `minutes_before` reminder needs the task to have a due time."
                  },
                  "completed": {
                    "type": "boolean"
                  },
                  "id": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "completed_at": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "created_at": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "updated_at": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "version": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "due_at_local": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "due": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "timezone": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "series_id": {
                    "description": "Read-only; ignored when sent back."
                  },
                  "occurrence": {
                    "description": "Read-only; ignored when sent back."
                  }
                },
                "description": "Only the fields sent change; an empty object changes nothing."
              },
              "Notification": {
                "type": "object",
                "description": "A reminder delivered to the user. `late` is true when it was delivered more than \#
        `notifications.late_after_seconds` after its time (the service was down, or quiet hours held it).",
                "required": [
                  "id",
                  "user_id",
                  "task_id",
                  "title",
                  "due_at",
                  "fire_at",
                  "delivered_at",
                  "late",
                  "read",
                  "read_at"
                ],
                "additionalProperties": false,
                "properties": {
                  "id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "user_id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "task_id": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "title": {
                    "type": "string"
                  },
                  "due_at": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time"
                  },
                  "fire_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "delivered_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "late": {
                    "type": "boolean"
                  },
                  "read": {
                    "type": "boolean"
                  },
                  "read_at": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time"
                  }
                }
              },
              "NotificationPage": {
                "type": "object",
                "required": [
                  "notifications",
                  "next_cursor"
                ],
                "additionalProperties": false,
                "properties": {
                  "notifications": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Notification"
                    }
                  },
                  "next_cursor": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Pass as `cursor` for the next (older) page; null on the last page."
                  }
                }
              },
              "NotificationPreferences": {
                "type": "object",
                "required": [
                  "in_app",
                  "browser",
                  "webhook",
                  "quiet_hours_start",
                  "quiet_hours_end",
                  "quiet_policy",
                  "timezone"
                ],
                "additionalProperties": false,
                "properties": {
                  "in_app": {
                    "type": "boolean"
                  },
                  "browser": {
                    "type": "boolean"
                  },
                  "webhook": {
                    "type": "object",
                    "required": [
                      "enabled",
                      "url",
                      "secret_set"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "enabled": {
                        "type": "boolean"
                      },
                      "url": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "format": "uri"
                      },
                      "secret_set": {
                        "type": "boolean",
                        "description": "The secret itself is never shown."
                      }
                    }
                  },
                  "quiet_hours_start": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"
                  },
                  "quiet_hours_end": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"
                  },
                  "quiet_policy": {
                    "enum": [
                      "deliver_at_end",
                      "drop"
                    ]
                  },
                  "timezone": {
                    "type": "string",
                    "description": "The account's timezone, in which quiet hours apply."
                  }
                }
              },
              "NotificationPreferencesUpdate": {
                "type": "object",
                "additionalProperties": false,
                "description": "The whole set of preferences: a field left out takes its default (channels off, no \#
        quiet hours, no webhook); only `webhook.secret` may be left out to keep the current one.",
                "properties": {
                  "in_app": {
                    "type": "boolean"
                  },
                  "browser": {
                    "type": "boolean"
                  },
                  "webhook": {
                    "type": [
                      "object",
                      "null"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "enabled": {
                        "type": "boolean"
                      },
                      "url": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "format": "uri",
                        "maxLength": 2000
                      },
                      "secret": {
                        "type": "string",
                        "minLength": 16,
                        "description": "Key of the `X-Todo-Signature` HMAC-SHA256 signature: `t=<unix \#
        seconds>,v1=<hex HMAC of \"<t>.<body>\">`."
                      }
                    }
                  },
                  "quiet_hours_start": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"
                  },
                  "quiet_hours_end": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"
                  },
                  "quiet_policy": {
                    "enum": [
                      "deliver_at_end",
                      "drop"
                    ]
                  }
                }
              },
              "ChatRequest": {
                "type": "object",
                "required": [
                  "message"
                ],
                "properties": {
                  "message": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 2000,
                    "description": "What the user wrote; at most 2000 characters after trimming."
                  },
                  "conversation_id": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The conversation to continue; omitted or null starts a new one."
                  }
                }
              },
              "ChatAction": {
                "type": "object",
                "required": [
                  "tool",
                  "arguments",
                  "result"
                ],
                "additionalProperties": false,
                "properties": {
                  "tool": {
                    "type": "string",
                    "enum": [
                      "add_task",
                      "list_tasks",
                      "complete_task",
                      "delete_task",
                      "update_task",
                      "set_reminder"
                    ]
                  },
                  "arguments": {
                    "type": "object",
                    "description": "The arguments, as the tool's JSON Schema says."
                  },
                  "result": {
                    "type": "object",
                    "description": "`{\"task\"}`, `{\"tasks\", \"count\", \"next_cursor\"}`, `{\"deleted\": {\"id\", \#
        \"title\"}}` or `{\"error\": {\"code\", \"message\", \"fields\"?}}`."
                  }
                }
              },
              "ChatReply": {
                "type": "object",
                "required": [
                  "conversation_id",
                  "reply",
                  "actions",
                  "question",
                  "engine",
                  "engine_error"
                ],
                "additionalProperties": false,
                "properties": {
                  "conversation_id": {
                    "type": "string"
                  },
                  "reply": {
                    "type": "string"
                  },
                  "actions": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/ChatAction"
                    },
                    "description": "The tool calls run for this message, in order; empty when the reply only answers \#
        or asks."
                  },
                  "question": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The reply again when it asks something (which task, when, or a yes); the next \#
        message answers it. Null otherwise."
                  },
                  "engine": {
                    "type": "string",
                    "enum": [
                      "offline",
                      "model"
                    ],
                    "description": "Who answered: the offline engine, or the language model configured with \#
        `chat.engine: openai-compatible`."
                  },
                  "engine_error": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "enum": [
                      "model_timeout",
                      "model_deadline",
                      "model_unreachable",
                      "model_http_error",
                      "model_bad_response",
                      "model_step_limit",
                      "model_content_filter",
                      null
                    ],
                    "description": "Why the configured model did not answer fully. With `engine` `offline`, the model \#
        could not be asked before any tool ran and the offline engine answered instead (the reply says so). With \#
        `engine` `model`, the model stopped after tools ran (a timeout, the step bound, its content filter); the \#
        reply says what was done, and nothing is run twice. Null when nothing went wrong."
                  }
                }
              },
              "ConversationSummary": {
                "type": "object",
                "required": [
                  "id",
                  "title",
                  "message_count",
                  "created_at",
                  "updated_at"
                ],
                "additionalProperties": false,
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  },
                  "message_count": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "created_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "updated_at": {
                    "type": "string",
                    "format": "date-time"
                  }
                }
              },
              "ConversationMessage": {
                "type": "object",
                "required": [
                  "id",
                  "role",
                  "text",
                  "actions",
                  "created_at"
                ],
                "additionalProperties": false,
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "role": {
                    "type": "string",
                    "enum": [
                      "user",
                      "assistant"
                    ]
                  },
                  "text": {
                    "type": "string"
                  },
                  "actions": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/ChatAction"
                    }
                  },
                  "created_at": {
                    "type": "string",
                    "format": "date-time"
                  }
                }
              },
              "Conversation": {
                "type": "object",
                "required": [
                  "id",
                  "title",
                  "message_count",
                  "created_at",
                  "updated_at",
                  "messages"
                ],
                "additionalProperties": false,
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  },
                  "message_count": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "created_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "updated_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "messages": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/ConversationMessage"
                    }
                  }
                }
              },
              "ConversationPage": {
                "type": "object",
                "required": [
                  "conversations",
                  "next_cursor"
                ],
                "additionalProperties": false,
                "properties": {
                  "conversations": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/ConversationSummary"
                    }
                  },
                  "next_cursor": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Pass as `cursor` for the next (less recently active) page; null on the last page."
                  }
                }
              },
              "JSONRPCMessage": {
                "type": "object",
                "description": "A JSON-RPC 2.0 response: `result` or `error` (`code`, `message`, `data`?), with the \#
        request's `id`.",
                "required": [
                  "jsonrpc",
                  "id"
                ],
                "properties": {
                  "jsonrpc": {
                    "const": "2.0"
                  },
                  "id": {
                    "type": [
                      "string",
                      "number",
                      "null"
                    ]
                  },
                  "result": {
                    "type": "object"
                  },
                  "error": {
                    "type": "object",
                    "required": [
                      "code",
                      "message"
                    ],
                    "properties": {
                      "code": {
                        "type": "integer"
                      },
                      "message": {
                        "type": "string"
                      },
                      "data": {}
                    }
                  }
                }
              }
            },
            "responses": {
              "BadRequest": {
                "description": "The request could not be read. Codes: `body_required`, `malformed_json`, \#
        `body_not_object`, `invalid_if_match`.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  },
                  "X-Correlation-ID": {
                    "$ref": "#/components/headers/XCorrelationID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  }
                }
              },
              "Unauthorized": {
                "description": "No valid bearer token. Codes: `missing_token`, `invalid_token`, `token_malformed`, \#
        `token_expired`, `token_signature_invalid`, `token_not_yet_valid`, `token_issuer_invalid`, \#
        `token_claim_invalid`, `token_key_unknown`, `token_algorithm_unsupported`, `account_not_found`.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  },
                  "X-Correlation-ID": {
                    "$ref": "#/components/headers/XCorrelationID"
                  },
                  "WWW-Authenticate": {
                    "$ref": "#/components/headers/WWWAuthenticate"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  }
                }
              },
              "TaskNotFound": {
                "description": "No task with this id belongs to the signed-in user (tasks of other users are not \#
        revealed). Codes: `task_not_found`.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  },
                  "X-Correlation-ID": {
                    "$ref": "#/components/headers/XCorrelationID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  }
                }
              },
              "MethodNotAllowed": {
                "description": "The path exists but not with this method. Codes: `method_not_allowed`.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  },
                  "X-Correlation-ID": {
                    "$ref": "#/components/headers/XCorrelationID"
                  },
                  "Allow": {
                    "$ref": "#/components/headers/Allow"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  }
                }
              },
              "RouteNotFound": {
                "description": "No route matches the path. Codes: `route_not_found`.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  },
                  "X-Correlation-ID": {
                    "$ref": "#/components/headers/XCorrelationID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  }
                }
              },
              "PreconditionFailed": {
                "description": "`If-Match` names another version than the current one. Codes: `version_mismatch`.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  },
                  "X-Correlation-ID": {
                    "$ref": "#/components/headers/XCorrelationID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "allOf": [
                        {
                          "$ref": "#/components/schemas/ErrorEnvelope"
                        },
                        {
                          "type": "object",
                          "properties": {
                            "error": {
                              "type": "object",
                              "required": [
                                "details"
                              ],
                              "properties": {
                                "details": {
                                  "type": "object",
                                  "required": [
                                    "current_version"
                                  ],
                                  "properties": {
                                    "current_version": {
                                      "type": "integer",
                                      "minimum": 1
                                    }
                                  }
                                }
                              }
                            }
                          }
                        }
                      ]
                    }
                  }
                }
              },
              "PayloadTooLarge": {
                "description": "The body is larger than `http.max_body_bytes` (1 MiB by default). Codes: \#
        `payload_too_large`.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  },
                  "X-Correlation-ID": {
                    "$ref": "#/components/headers/XCorrelationID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "allOf": [
                        {
                          "$ref": "#/components/schemas/ErrorEnvelope"
                        },
                        {
                          "type": "object",
                          "properties": {
                            "error": {
                              "type": "object",
                              "required": [
                                "details"
                              ],
                              "properties": {
                                "details": {
                                  "type": "object",
                                  "required": [
                                    "limit_bytes"
                                  ],
                                  "properties": {
                                    "limit_bytes": {
                                      "type": "integer"
                                    }
                                  }
                                }
                              }
                            }
                          }
                        }
                      ]
                    }
                  }
                }
              },
              "UnsupportedMediaType": {
                "description": "A non-empty body whose Content-Type is not application/json. Codes: \#
        `unsupported_media_type`.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  },
                  "X-Correlation-ID": {
                    "$ref": "#/components/headers/XCorrelationID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  }
                }
              },
              "ValidationFailed": {
                "description": "Some fields or parameters are invalid; every problem is listed. Codes: \#
        `validation_failed`.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  },
                  "X-Correlation-ID": {
                    "$ref": "#/components/headers/XCorrelationID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "allOf": [
                        {
                          "$ref": "#/components/schemas/ErrorEnvelope"
                        },
                        {
                          "type": "object",
                          "properties": {
                            "error": {
                              "type": "object",
                              "required": [
                                "details"
                              ],
                              "properties": {
                                "details": {
                                  "$ref": "#/components/schemas/ValidationDetails"
                                }
                              }
                            }
                          }
                        }
                      ]
                    }
                  }
                }
              },
              "ServerError": {
                "description": "A failure the client cannot fix (500 `internal_error`, 503 `database_busy`). Codes: \#
        `internal_error`, `database_busy`, `database_closed`.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  },
                  "X-Correlation-ID": {
                    "$ref": "#/components/headers/XCorrelationID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  }
                }
              },
              "NotificationNotFound": {
                "description": "No such notification for this user (`notification_not_found`).",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  },
                  "X-Correlation-ID": {
                    "$ref": "#/components/headers/XCorrelationID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  }
                }
              },
              "ConversationNotFound": {
                "description": "No such conversation for this user (`conversation_not_found`); another user's \#
        conversation is indistinguishable from none.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  },
                  "X-Correlation-ID": {
                    "$ref": "#/components/headers/XCorrelationID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  }
                }
              }
            }
          }
        }
        """#

    /// The bytes of ``json``, built once.
    static let bytes: [UInt8] = Array(json.utf8)
}
