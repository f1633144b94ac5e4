extension OpenAPIDocument {
    /// Part of ``json``: security schemes, parameters, headers and the shared schemas.
    static let sharedComponents = #"""
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
        """#
}
