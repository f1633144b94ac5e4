extension OpenAPIDocument {
    /// Part of ``json``: notifications and their preferences.
    static let notificationPaths = #"""
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
        """#
}
