extension OpenAPIDocument {
    /// Part of ``json``: `/api/chat` and the conversations.
    static let chatPaths = #"""
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
        """#
}
