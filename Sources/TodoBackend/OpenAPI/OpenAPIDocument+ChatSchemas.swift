extension OpenAPIDocument {
    /// Part of ``json``: the chat and JSON-RPC schemas.
    static let chatSchemas = #"""
              "ChatRequest": {
                "type": "object",
                "required": [
                  "message"
                ],
                "properties": {
                  "message": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 2000,
                    "description": "What the user wrote; at most 2000 characters after trimming."
                  },
                  "conversation_id": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The conversation to continue; omitted or null starts a new one."
                  }
                }
              },
              "ChatAction": {
                "type": "object",
                "required": [
                  "tool",
                  "arguments",
                  "result"
                ],
                "additionalProperties": false,
                "properties": {
                  "tool": {
                    "type": "string",
                    "enum": [
                      "add_task",
                      "list_tasks",
                      "complete_task",
                      "delete_task",
                      "update_task",
                      "set_reminder"
                    ]
                  },
                  "arguments": {
                    "type": "object",
                    "description": "The arguments, as the tool's JSON Schema says."
                  },
                  "result": {
                    "type": "object",
                    "description": "`{\"task\"}`, `{\"tasks\", \"count\", \"next_cursor\"}`, `{\"deleted\": {\"id\", \#
        \"title\"}}` or `{\"error\": {\"code\", \"message\", \"fields\"?}}`."
                  }
                }
              },
              "ChatReply": {
                "type": "object",
                "required": [
                  "conversation_id",
                  "reply",
                  "actions",
                  "question",
                  "engine",
                  "engine_error"
                ],
                "additionalProperties": false,
                "properties": {
                  "conversation_id": {
                    "type": "string"
                  },
                  "reply": {
                    "type": "string"
                  },
                  "actions": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/ChatAction"
                    },
                    "description": "The tool calls run for this message, in order; empty when the reply only answers \#
        or asks."
                  },
                  "question": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The reply again when it asks something (which task, when, or a yes); the next \#
        message answers it. Null otherwise."
                  },
                  "engine": {
                    "type": "string",
                    "enum": [
                      "offline",
                      "model"
                    ],
                    "description": "Who answered: the offline engine, or the language model configured with \#
        `chat.engine: openai-compatible`."
                  },
                  "engine_error": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "enum": [
                      "model_timeout",
                      "model_deadline",
                      "model_unreachable",
                      "model_http_error",
                      "model_bad_response",
                      "model_step_limit",
                      "model_content_filter",
                      null
                    ],
                    "description": "Why the configured model did not answer fully. With `engine` `offline`, the model \#
        could not be asked before any tool ran and the offline engine answered instead (the reply says so). With \#
        `engine` `model`, the model stopped after tools ran (a timeout, the step bound, its content filter); the \#
        reply says what was done, and nothing is run twice. Null when nothing went wrong."
                  }
                }
              },
              "ConversationSummary": {
                "type": "object",
                "required": [
                  "id",
                  "title",
                  "message_count",
                  "created_at",
                  "updated_at"
                ],
                "additionalProperties": false,
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  },
                  "message_count": {
                    "type": "integer",
                    "minimum": 0
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
              "ConversationMessage": {
                "type": "object",
                "required": [
                  "id",
                  "role",
                  "text",
                  "actions",
                  "created_at"
                ],
                "additionalProperties": false,
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "role": {
                    "type": "string",
                    "enum": [
                      "user",
                      "assistant"
                    ]
                  },
                  "text": {
                    "type": "string"
                  },
                  "actions": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/ChatAction"
                    }
                  },
                  "created_at": {
                    "type": "string",
                    "format": "date-time"
                  }
                }
              },
              "Conversation": {
                "type": "object",
                "required": [
                  "id",
                  "title",
                  "message_count",
                  "created_at",
                  "updated_at",
                  "messages"
                ],
                "additionalProperties": false,
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  },
                  "message_count": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "created_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "updated_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "messages": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/ConversationMessage"
                    }
                  }
                }
              },
              "ConversationPage": {
                "type": "object",
                "required": [
                  "conversations",
                  "next_cursor"
                ],
                "additionalProperties": false,
                "properties": {
                  "conversations": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/ConversationSummary"
                    }
                  },
                  "next_cursor": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Pass as `cursor` for the next (less recently active) page; null on the last page."
                  }
                }
              },
              "JSONRPCMessage": {
                "type": "object",
                "description": "A JSON-RPC 2.0 response: `result` or `error` (`code`, `message`, `data`?), with the \#
        request's `id`.",
                "required": [
                  "jsonrpc",
                  "id"
                ],
                "properties": {
                  "jsonrpc": {
                    "const": "2.0"
                  },
                  "id": {
                    "type": [
                      "string",
                      "number",
                      "null"
                    ]
                  },
                  "result": {
                    "type": "object"
                  },
                  "error": {
                    "type": "object",
                    "required": [
                      "code",
                      "message"
                    ],
                    "properties": {
                      "code": {
                        "type": "integer"
                      },
                      "message": {
                        "type": "string"
                      },
                      "data": {}
                    }
                  }
                }
              }
            },
        """#
}
