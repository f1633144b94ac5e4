extension OpenAPIDocument {
    /// Part of ``json``: the request bodies of accounts and tasks.
    static let requestSchemas = #"""
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
        """#
}
