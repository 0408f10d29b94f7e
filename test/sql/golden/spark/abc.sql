WITH raw_rows AS (
  SELECT CAST(`customer_id` AS STRING) AS customer_id, CAST(`order_date` AS DATE) AS day, CAST(`net_amount` AS DOUBLE) AS amount
  FROM `sales`.`transactions`
  WHERE `customer_id` IS NOT NULL AND `order_date` IS NOT NULL AND `net_amount` IS NOT NULL
),
bounds AS (SELECT (SELECT MAX(day) FROM raw_rows) AS end_day, (SELECT MAX(day) FROM raw_rows) AS observation_end),
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
    b.customer_id AS `customerId`,
    CAST(b.purchase_days - 1 AS INTEGER) AS `frequency`,
    CAST(DATEDIFF(b.last_day, b.first_day) AS DOUBLE) / 1.0 AS `recency`,
    CAST(DATEDIFF(bounds.end_day, b.first_day) AS DOUBLE) / 1.0 AS `T`,
    CASE WHEN b.purchase_days > 1 THEN CAST(COALESCE(r.value, 0) AS DOUBLE) / (b.purchase_days - 1) ELSE 0 END AS `monetaryValue`,
    CAST(t.total_value AS DOUBLE) AS `totalValue`,
    CAST(b.first_day AS STRING) AS `firstPurchase`,
    CAST(b.last_day AS STRING) AS `lastPurchase`
  FROM buyers b
  CROSS JOIN bounds
  LEFT JOIN repeat_value r ON r.customer_id = b.customer_id
  JOIN totals t ON t.customer_id = b.customer_id
),
abc_values AS (
  SELECT `customerId` AS customer_id, `totalValue` AS value,
    CASE WHEN `totalValue` > 0 THEN `totalValue` ELSE 0 END AS positive
  FROM customer_summary
),
abc_ranked AS (
  SELECT customer_id, value,
    ROW_NUMBER() OVER (ORDER BY value DESC, customer_id) AS `rank`,
    SUM(positive) OVER (ORDER BY value DESC, customer_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative,
    COALESCE(SUM(positive) OVER (ORDER BY value DESC, customer_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS value_before,
    SUM(positive) OVER () AS total,
    COUNT(*) OVER () AS n
  FROM abc_values
)
SELECT customer_id AS `customerId`, value AS `value`, `rank`,
  CASE WHEN total > 0 THEN cumulative / total ELSE 0 END AS `cumulativeShare`,
  CASE WHEN value > 0 AND value_before / total < 0.8 THEN 'A' WHEN value > 0 AND value_before / total < 0.95 THEN 'B' ELSE 'C' END AS `tier`
FROM abc_ranked
ORDER BY `rank`
