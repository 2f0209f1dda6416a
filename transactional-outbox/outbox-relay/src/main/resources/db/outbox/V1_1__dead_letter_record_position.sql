-- Where a dead letter sat in Kafka, so an operator can find the original record (and skip or re-read from there).
ALTER TABLE dead_letters
  ADD COLUMN kafka_partition INT    NULL AFTER channel,
  ADD COLUMN kafka_offset    BIGINT NULL AFTER kafka_partition;
