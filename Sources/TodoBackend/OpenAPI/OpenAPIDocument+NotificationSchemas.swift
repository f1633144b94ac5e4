extension OpenAPIDocument {
    /// Part of ``json``: the notification schemas.
    static let notificationSchemas = #"""
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
        """#
}
