"""Running as a service: Prometheus metrics (metrics.py), JSON logs with request ids (logs.py) and rate limits
(rate.py). Every stage may record into them; none of them keeps question text or keys."""
