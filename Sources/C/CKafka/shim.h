#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

/// RD_KAFKA_PARTITION_UA is a cast macro, which Swift does not import.
static inline int32_t ckafka_partition_unassigned(void) { return RD_KAFKA_PARTITION_UA; }

/// rd_kafka_producev is variadic, which Swift cannot call. Copies key and value
/// (RD_KAFKA_MSG_F_COPY); on success the message owns `headers`, on failure the caller still
/// does. `timestamp_ms` 0 lets librdkafka stamp the message; `opaque` comes back in the
/// delivery report as the message's `_private`.
static inline rd_kafka_resp_err_t ckafka_produce(
    rd_kafka_t *rk, const char *topic, int32_t partition, const void *key, size_t key_len,
    const void *value, size_t value_len, rd_kafka_headers_t *headers, int64_t timestamp_ms,
    void *opaque) {
    return rd_kafka_producev(
        rk, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(partition),
        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_KEY((void *)key, key_len),
        RD_KAFKA_V_VALUE((void *)value, value_len), RD_KAFKA_V_HEADERS(headers),
        RD_KAFKA_V_TIMESTAMP(timestamp_ms), RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
}
