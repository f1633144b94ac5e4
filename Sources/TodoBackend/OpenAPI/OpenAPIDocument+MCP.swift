extension OpenAPIDocument {
    /// Part of ``json``: `/mcp`, the end of `paths`.
    static let mcpPaths = #"""
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
        """#
}
