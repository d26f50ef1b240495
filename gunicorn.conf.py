"""gunicorn settings shared by `make run`, `timeline serve`, the Dockerfile and the proxy tests."""
import multiprocessing
import os

wsgi_app = "service.wsgi:app"
bind = os.environ.get("TIMELINE_BIND", "127.0.0.1:8000")
# Twice the cores plus one keeps both cores busy while some workers wait on the database.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 20
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# Behind a trusted proxy the original client is the first X-Forwarded-For entry; log it rather than the proxy.
access_log_format = '%({x-forwarded-for}i)s %(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# gunicorn's largest request line (its default is 4094): URLs of 4-8 KB reach the app, whose length checks answer
# problem+json; only longer ones still get gunicorn's own text/html 414.
limit_request_line = 8190
# gunicorn's control socket (gunicornc) defaults to one path per user (~/.gunicorn/gunicorn.ctl), so a second
# gunicorn on the host takes it over from the first. Nothing here uses gunicornc: no socket at all.
control_socket_disable = True


def post_worker_init(worker):
    """Load what ingest reads on a worker's first article (language model, ISO 639 table) before it takes requests."""
    from service.extraction.locales.detect import warm_up

    warm_up()
