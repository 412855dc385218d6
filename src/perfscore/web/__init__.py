"""``perfscore serve``: a local web page and HTTP API over the one pipeline (``perfscore[web]``).

:func:`perfscore.web.app.create_app` builds the ASGI app; uploads are scored by
:mod:`perfscore.web.uploads`, pages render :mod:`perfscore.web.views`, and
:mod:`perfscore.web.guard` sets the security headers and checks the access token.
"""
