/// The OpenAPI 3.1 document of the backend API, served at `GET /api/openapi.json`.
///
/// Kept as a literal because this package ships no SwiftPM resources. Edit the JSON by hand when a
/// route, parameter or response shape changes; `Tests/e2e/test_openapi.py` checks that it stays a
/// valid document and that it lists exactly the routes the server answers. Long descriptions are
/// wrapped at 120 columns with a `\#` at the end of the line, which adds nothing to the string; the
/// next line goes on at the literal's own indentation. The text is cut at line boundaries into
/// one literal per part of the API (`OpenAPIDocument+Accounts.swift`, ...), joined here in order.
enum OpenAPIDocument {
    /// The document as UTF-8 JSON.
    static let json = [
        overview, accountPaths, taskPaths, taskActionPaths, notificationPaths, chatPaths, mcpPaths,
        sharedComponents, taskSchemas, requestSchemas, notificationSchemas, chatSchemas, responses,
    ].joined(separator: "\n")

    /// The bytes of ``json``, built once.
    static let bytes: [UInt8] = Array(json.utf8)

    /// Part of ``json``: the head (info, servers, tags), health, metrics and this document's route.
    static let overview = #"""
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
        """#
}
