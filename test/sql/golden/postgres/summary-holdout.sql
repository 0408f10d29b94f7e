WITH raw_rows AS (
  SELECT CAST("customer_id" AS TEXT) AS customer_id, CAST("order_date" AS DATE) AS day, CAST("net_amount" AS DOUBLE PRECISION) AS amount
  FROM "sales"."transactions"
  WHERE "customer_id" IS NOT NULL AND "order_date" IS NOT NULL AND "net_amount" IS NOT NULL
),
bounds AS (SELECT DATE '1997-09-30' AS end_day, DATE '1998-06-30' AS observation_end),
days AS (
  SELECT customer_id, day, SUM(CAST(amount AS NUMERIC(38, 9))) AS value, SUM(CASE WHEN amount >= 0 THEN 1 ELSE 0 END) AS purchase_rows
  FROM raw_rows CROSS JOIN bounds
  WHERE day <= bounds.observation_end
  GROUP BY customer_id, day
),
buyers AS (
  SELECT customer_id, MIN(day) AS first_day, MAX(day) AS last_day, COUNT(*) AS purchase_days
  FROM days CROSS JOIN bounds
  WHERE purchase_rows > 0 AND day <= bounds.end_day
  GROUP BY customer_id
),
repeat_value AS (
  SELECT d.customer_id, SUM(d.value) AS value
  FROM days d JOIN buyers b ON d.customer_id = b.customer_id CROSS JOIN bounds
  WHERE d.purchase_rows > 0 AND d.day > b.first_day AND d.day <= bounds.end_day
  GROUP BY d.customer_id
),
totals AS (
  SELECT customer_id, SUM(value) AS total_value
  FROM days CROSS JOIN bounds
  WHERE day <= bounds.end_day
  GROUP BY customer_id
),
holdout AS (
  SELECT customer_id, COUNT(*) AS purchase_days, SUM(value) AS value
  FROM days CROSS JOIN bounds
  WHERE purchase_rows > 0 AND day > bounds.end_day
  GROUP BY customer_id
),
customer_summary AS (
  SELECT
    b.customer_id AS "customerId",
    CAST(b.purchase_days - 1 AS INTEGER) AS "frequency",
    CAST((b.last_day - b.first_day) AS DOUBLE PRECISION) / 7.0 AS "recency",
    CAST((bounds.end_day - b.first_day) AS DOUBLE PRECISION) / 7.0 AS "T",
    CASE WHEN b.purchase_days > 1 THEN CAST(COALESCE(r.value, 0) AS DOUBLE PRECISION) / (b.purchase_days - 1) ELSE 0 END AS "monetaryValue",
    CAST(t.total_value AS DOUBLE PRECISION) AS "totalValue",
    CAST(b.first_day AS TEXT) AS "firstPurchase",
    CAST(b.last_day AS TEXT) AS "lastPurchase",
    CAST(COALESCE(h.purchase_days, 0) AS INTEGER) AS "frequencyHoldout",
    CASE WHEN h.purchase_days > 0 THEN CAST(h.value AS DOUBLE PRECISION) / h.purchase_days ELSE 0 END AS "monetaryValueHoldout",
    CAST((bounds.observation_end - bounds.end_day) AS DOUBLE PRECISION) / 7.0 AS "durationHoldout"
  FROM buyers b
  CROSS JOIN bounds
  LEFT JOIN repeat_value r ON r.customer_id = b.customer_id
  JOIN totals t ON t.customer_id = b.customer_id
  LEFT JOIN holdout h ON h.customer_id = b.customer_id
)
SELECT * FROM customer_summary
ORDER BY "customerId" COLLATE "C"
