extension OpenAPIDocument {
    /// Part of ``json``: `/api/tasks` and `/api/tasks/{id}`.
    static let taskPaths = #"""
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
        """#
}
