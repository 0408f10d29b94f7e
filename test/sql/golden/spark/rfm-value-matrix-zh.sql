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
rfm_raw AS (
  SELECT `customerId` AS customer_id, `T` - `recency` AS recency, `frequency` + 1 AS frequency, `totalValue` AS monetary
  FROM customer_summary
),
rfm_scores AS (
  SELECT customer_id, recency, frequency, monetary,
    1 + CAST(FLOOR(CAST(3 * (RANK() OVER (ORDER BY recency DESC) - 1) AS DOUBLE) / COUNT(*) OVER ()) AS INTEGER) AS r_score,
    1 + CAST(FLOOR(CAST(3 * (RANK() OVER (ORDER BY frequency ASC) - 1) AS DOUBLE) / COUNT(*) OVER ()) AS INTEGER) AS f_score,
    1 + CAST(FLOOR(CAST(3 * (RANK() OVER (ORDER BY monetary ASC) - 1) AS DOUBLE) / COUNT(*) OVER ()) AS INTEGER) AS m_score,
    AVG(recency) OVER () AS mean_recency, AVG(frequency) OVER () AS mean_frequency, AVG(monetary) OVER () AS mean_monetary
  FROM rfm_raw
)
SELECT
  customer_id AS `customerId`, recency AS `recency`, frequency AS `frequency`, monetary AS `monetary`,
  r_score AS `rScore`, f_score AS `fScore`, m_score AS `mScore`,
  CONCAT(CAST(r_score AS STRING), CAST(f_score AS STRING), CAST(m_score AS STRING)) AS `cell`, r_score + f_score + m_score AS `score`,
  CASE WHEN (recency < mean_recency) AND (frequency > mean_frequency) AND (monetary > mean_monetary) THEN '重要价值客户' WHEN (recency < mean_recency) AND NOT (frequency > mean_frequency) AND (monetary > mean_monetary) THEN '重要发展客户' WHEN NOT (recency < mean_recency) AND (frequency > mean_frequency) AND (monetary > mean_monetary) THEN '重要保持客户' WHEN NOT (recency < mean_recency) AND NOT (frequency > mean_frequency) AND (monetary > mean_monetary) THEN '重要挽留客户' WHEN (recency < mean_recency) AND (frequency > mean_frequency) AND NOT (monetary > mean_monetary) THEN '一般价值客户' WHEN (recency < mean_recency) AND NOT (frequency > mean_frequency) AND NOT (monetary > mean_monetary) THEN '一般发展客户' WHEN NOT (recency < mean_recency) AND (frequency > mean_frequency) AND NOT (monetary > mean_monetary) THEN '一般保持客户' WHEN NOT (recency < mean_recency) AND NOT (frequency > mean_frequency) AND NOT (monetary > mean_monetary) THEN '一般挽留客户' END AS `segment`
FROM rfm_scores
ORDER BY customer_id
