"""``perfscore serve``: the local web page and HTTP API (needs ``pip install 'perfscore[web]'``)."""

from __future__ import annotations

import importlib.util

import click

from perfscore.cli.common import limits
from perfscore.errors import PerfscoreError
from perfscore.rubrics.loading import DEFAULT_RUBRIC, shipped

#: The addresses that only this machine reaches.
LOCAL = ("127.0.0.1", "localhost", "::1")


@click.command(name="serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="监听的地址。")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--rubric", default=DEFAULT_RUBRIC, show_default=True, help="默认的评分规则。")
@click.option(
    "--review-rubric", default="mof-2020-review", show_default=True, help="复核汇总的严格规则。"
)
@click.option("--token", help="访问口令：设置后，页面须先登录，API 须带 Authorization: Bearer。")
def serve_command(host: str, port: int, rubric: str, review_rubric: str, token: str | None) -> None:
    """打开本机网页：上传自评表或案例，查看复核得分、问题并下载报告（与命令行同一套评分）。"""
    if importlib.util.find_spec("uvicorn") is None or importlib.util.find_spec("starlette") is None:
        raise PerfscoreError("perfscore serve 需要网页组件：pip install 'perfscore[web]'")
    for name in (rubric, review_rubric):
        if name not in shipped():
            raise PerfscoreError(f"未知的评分规则 '{name}'（可用：{'、'.join(sorted(shipped()))}）")
    import uvicorn  # noqa: PLC0415 - only this command needs the server

    from perfscore.web.app import create_app  # noqa: PLC0415
    from perfscore.web.settings import ServeSettings  # noqa: PLC0415

    if host not in LOCAL:
        click.echo(
            f"警告：监听 {host}，同一网络中的其他人也能访问"
            + ("" if token else "；建议用 --token 设置访问口令"),
            err=True,
        )
    settings = ServeSettings(rubric, review_rubric, token, limits())
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        f"perfscore 已启动：请在浏览器中打开 http://{shown}:{port}/（Ctrl-C 退出）", err=True
    )
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


__all__ = ["serve_command"]
