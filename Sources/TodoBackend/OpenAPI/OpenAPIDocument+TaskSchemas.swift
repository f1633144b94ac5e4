extension OpenAPIDocument {
    /// Part of ``json``: the task, tag and health schemas.
    static let taskSchemas = #"""
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
        """#
}
