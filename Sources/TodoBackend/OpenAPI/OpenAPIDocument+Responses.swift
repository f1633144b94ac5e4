extension OpenAPIDocument {
    /// Part of ``json``: the shared responses and the document's end.
    static let responses = #"""
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
}
