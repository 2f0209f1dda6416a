-- The runtime knows no order: a saga records the key of whatever business object it drives.
ALTER TABLE saga_summary CHANGE COLUMN order_id business_key VARCHAR(64) NULL;
ALTER TABLE reconciler_findings CHANGE COLUMN order_id business_key VARCHAR(64) NULL;
