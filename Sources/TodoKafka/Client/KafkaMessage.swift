import CKafka
import Foundation
import TodoCore

/// Owns one message returned by `rd_kafka_consumer_poll` and destroys it in `deinit`, which also
/// releases librdkafka's fetch buffer it points into. Copy what you need out with ``logMessage()``.
final class KafkaMessage {
    private let pointer: UnsafeMutablePointer<rd_kafka_message_t>

    init(_ pointer: UnsafeMutablePointer<rd_kafka_message_t>) {
        self.pointer = pointer
    }

    deinit { rd_kafka_message_destroy(pointer) }

    /// Not `NO_ERROR` for an event the consumer reports in place of a message (partition end,
    /// broker trouble).
    var error: rd_kafka_resp_err_t { pointer.pointee.err }

    var topic: String {
        pointer.pointee.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
    }

    var partition: TopicPartition {
        TopicPartition(topic: topic, partition: Int(pointer.pointee.partition))
    }

    var offset: Int64 { pointer.pointee.offset }

    /// For an error event: librdkafka's description of it.
    var errorText: String {
        guard let text = rd_kafka_message_errstr(pointer) else { return KafkaStatus.describe(error) }
        return String(cString: text)
    }

    /// A copy of the message as the log contract describes it. A missing key is the empty key; a
    /// header without a value has the empty value.
    func logMessage() -> LogMessage {
        let message = pointer.pointee
        let key = message.key.map { Self.text($0, count: message.key_len) } ?? ""
        let value = message.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: message.len)) } ?? []

        var type = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let milliseconds = rd_kafka_message_timestamp(pointer, &type)
        let timestamp = Date(timeIntervalSince1970: milliseconds >= 0 ? Double(milliseconds) / 1000 : 0)
        return LogMessage(
            topic: topic, partition: Int(message.partition), offset: message.offset, key: key, headers: headers(),
            value: value, timestamp: timestamp)
    }

    private func headers() -> [MessageHeader] {
        var list: OpaquePointer?
        guard rd_kafka_message_headers(pointer, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list else { return [] }

        var result: [MessageHeader] = []
        var index = 0
        while true {
            var name: UnsafePointer<CChar>?
            var value: UnsafeRawPointer?
            var size = 0
            guard rd_kafka_header_get_all(list, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR else {
                break
            }
            let text = value.map { Self.text($0, count: size) } ?? ""
            result.append(MessageHeader(name: name.map { String(cString: $0) } ?? "", value: text))
            index += 1
        }
        return result
    }

    private static func text(_ bytes: UnsafeRawPointer, count: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}
