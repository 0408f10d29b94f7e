WITH raw_rows AS (
  SELECT CAST("customer_id" AS VARCHAR) AS customer_id, CAST("order_date" AS DATE) AS day, CAST("net_amount" AS DOUBLE) AS amount
  FROM "sales"."transactions"
  WHERE "customer_id" IS NOT NULL AND "order_date" IS NOT NULL AND "net_amount" IS NOT NULL
),
bounds AS (SELECT DATE '1997-09-30' AS end_day, DATE '1997-09-30' AS observation_end),
days AS (
  SELECT customer_id, day, SUM(CAST(amount AS DECIMAL(38, 9))) AS value, SUM(CASE WHEN amount >= 0 THEN 1 ELSE 0 END) AS purchase_rows
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
customer_summary AS (
  SELECT
    b.customer_id AS "customerId",
    CAST(b.purchase_days - 1 AS INTEGER) AS "frequency",
    CAST(date_diff('day', b.first_day, b.last_day) AS DOUBLE) / 7.0 AS "recency",
    CAST(date_diff('day', b.first_day, bounds.end_day) AS DOUBLE) / 7.0 AS "T",
    CASE WHEN b.purchase_days > 1 THEN CAST(COALESCE(r.value, 0) AS DOUBLE) / (b.purchase_days - 1) ELSE 0 END AS "monetaryValue",
    CAST(t.total_value AS DOUBLE) AS "totalValue",
    CAST(b.first_day AS VARCHAR) AS "firstPurchase",
    CAST(b.last_day AS VARCHAR) AS "lastPurchase"
  FROM buyers b
  CROSS JOIN bounds
  LEFT JOIN repeat_value r ON r.customer_id = b.customer_id
  JOIN totals t ON t.customer_id = b.customer_id
),
history_predictions AS (
  SELECT * FROM (VALUES
    (0, 0, 272, 1.0, 0.25208765687210205),
    (2, 213, 272, 0.7265897218354949, 1.5588289718128354)
  ) AS v(frequency, recency_days, t_days, probability_alive, expected_purchases)
)
SELECT s."customerId" AS "customerId", s."frequency" AS "frequency", s."recency" AS "recency", s."T" AS "T",
  CAST(p.probability_alive AS DOUBLE) AS "probabilityAlive", CAST(p.expected_purchases AS DOUBLE) AS "expectedPurchases"
FROM customer_summary s
LEFT JOIN history_predictions p
  ON s."frequency" = p.frequency AND ROUND(s."recency" * 7.0) = p.recency_days AND ROUND(s."T" * 7.0) = p.t_days
ORDER BY s."customerId"
