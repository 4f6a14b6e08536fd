"""The reviewer's web app: the HTTP API (a contract, see schemas/openapi.json) and server-rendered pages.

``create_app(WebConfig(...))`` builds it; ``cchc serve`` runs it with uvicorn.
"""

# no "from __future__ import annotations": FastAPI reads the route signatures (local dependencies)

import getpass
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote, unquote, urlsplit

from fastapi import Depends, FastAPI, File, Form, HTTPException, Query, Request, Response, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field

from cchc import __version__
from cchc.errors import UsageError
from cchc.settings import DEFAULT_SETTINGS, Settings
from cchc.store.store import Store
from cchc.store.triage import STATUSES, current_findings, decide, decision_log, find
from cchc.web import views
from cchc.web.auth import SESSION_COOKIE, SESSION_SECONDS, Auth
from cchc.web.evidence import parse_bbox, render_region
from cchc.web.jobs import ALLOWED_SUFFIXES, Jobs, Received

HERE = Path(__file__).resolve().parent
CSP = ("default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


@dataclass
class WebConfig:
    """How the server runs: its store, data folder (uploads, batches), credentials and limits.

    ``allowed_hosts``: Host headers accepted (None: any); on loopback without credentials, ``cchc serve``
    allows only the loopback names, so a web page elsewhere cannot reach the server by DNS rebinding.
    """

    db_url: str
    data_dir: Path
    auth: Auth = field(default_factory=Auth)
    settings: Settings = DEFAULT_SETTINGS
    max_files_per_upload: int = 50
    allowed_hosts: set[str] | None = None
    start_worker: bool = True


# ---------------------------------------------------------------------- API models (the contract)


class Health(BaseModel):
    status: Literal["ok"] = "ok"


class DocumentStatus(BaseModel):
    name: str
    sha256: str | None
    status: str = Field(description="queued, running, done, failed, or rejected (type or size)")
    error: str | None = None
    unit: str | None = None
    counts: dict[str, int] | None = None


class UploadAccepted(BaseModel):
    batch_id: str
    documents: list[DocumentStatus]


class BatchStatus(BaseModel):
    batch_id: str
    status: Literal["queued", "running", "done", "failed"]
    created_at: str
    started_at: str | None = None
    finished_at: str | None = None
    documents: list[DocumentStatus]
    outcomes: list[dict[str, Any]] = Field(default_factory=list, description="As in batch.json")
    counts: dict[str, int] | None = None
    errors: list[str] = Field(default_factory=list)
    error: str | None = None


class FindingOut(BaseModel):
    id: str = Field(description="Stable: unit, year, rule, subject and the compared values")
    rule: str
    kind: str
    severity: str
    subject: str
    message: str
    message_en: str | None
    expected: str | float | int | None
    actual: str | float | int | None
    evidence: list[dict[str, Any]]
    status: Literal["open", "accepted", "dismissed"]
    reason: str | None
    decided_by: str | None
    decided_at: str | None
    unit: str | None
    district: str | None
    year: int | None
    file: str
    sha256: str


class TriageIn(BaseModel):
    status: Literal["accepted", "dismissed", "open"]
    reason: str | None = Field(None, description="Required to dismiss")


class OfficialValues(BaseModel):
    """A year's published values: the unit's row in a stored ranking of its area."""

    total: float | None
    percent: float | None
    rank: int | None
    rank_total: int | None
    scores: dict[str, float] = Field(description="Published score by criterion code")
    doc_number: str | None = Field(description="The ranking's document number")
    file: str = Field(description="The ranking's file name")


class HistoryYear(BaseModel):
    year: int | None
    self_reported: dict[str, Any] = Field(description="The current report's totals, rank and criteria")
    official: OfficialValues | None = Field(description="Published values; null when no stored ranking lists the unit")


class UnitHistory(BaseModel):
    unit: str
    level: str | None
    district: str | None
    province: str | None
    years: list[HistoryYear] = Field(description="Each year: self_reported totals and criteria; official")


class History(BaseModel):
    units: list[UnitHistory]


# ---------------------------------------------------------------------- the app


def create_app(config: WebConfig) -> FastAPI:
    """The app over ``config.db_url``; the upload worker starts with the app (unless disabled)."""
    store = Store(config.db_url)
    jobs = Jobs(config.data_dir, config.db_url, config.settings)
    auth = config.auth
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["version"] = __version__
    templates.env.filters["num"] = _num

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if config.start_worker:
            jobs.recover()
            jobs.start()
        yield
        jobs.stop(timeout=1.0)
        store.close()

    app = FastAPI(
        title="cchc",
        version=__version__,
        description="Reviewer's workspace over the cchc store: uploads, findings and their triage.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.store, app.state.jobs, app.state.config = store, jobs, config
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        host = (request.headers.get("host") or "").rsplit(":", 1)[0].strip("[]").lower()
        if config.allowed_hosts is not None and host not in config.allowed_hosts:
            return JSONResponse({"detail": "host not allowed"}, status_code=421)
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            origin = request.headers.get("origin")
            if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
                return JSONResponse({"detail": "cross-origin request refused"}, status_code=403)
            length = request.headers.get("content-length")
            limit = config.max_files_per_upload * config.settings.max_file_bytes + 1_000_000
            if length and length.isdigit() and int(length) > limit:
                return JSONResponse({"detail": f"request larger than {limit:,} bytes"}, status_code=413)
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    # ------------------------------------------------------------------ who is asking

    def api_user(request: Request) -> str:
        if not auth.required:
            return auth.local_user
        who = auth.check_bearer(request.headers.get("authorization"))
        if who is None:
            raise HTTPException(401, "missing or wrong Authorization: Bearer token",
                                headers={"WWW-Authenticate": "Bearer"})
        # X-Cchc-Reviewer: the reviewer's name, percent-encoded UTF-8 (HTTP headers are not UTF-8)
        reviewer = " ".join(unquote(request.headers.get("x-cchc-reviewer") or "").split())[:80]
        return f"{who} ({reviewer})" if reviewer and who == "token" else who

    def page_user(request: Request) -> str:
        cookie = request.cookies.get(SESSION_COOKIE)
        who = auth.session_user(cookie)
        if who is None:
            if auth.required:
                raise _LoginRequired(request.url.path)
            cookie = auth.session_cookie(auth.local_user)
            request.state.new_cookie = cookie
            who = auth.local_user
        request.state.cookie = cookie
        return who

    def check_form(request: Request, csrf: str) -> None:
        if not auth.check_csrf(request.state.cookie, csrf):
            raise HTTPException(403, "the form's CSRF token is missing or wrong: reload the page")

    def render(request: Request, template: str, who: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        cookie = request.state.cookie
        response = templates.TemplateResponse(
            request, template, {"user": who, "csrf": auth.csrf_token(cookie), "auth_required": auth.required,
                            **context},
            status_code=status_code,
        )
        _set_session(response, request, getattr(request.state, "new_cookie", None))
        return response

    @app.exception_handler(_LoginRequired)
    async def to_login(request: Request, exc: _LoginRequired) -> Response:
        return RedirectResponse(f"/login?next={quote(exc.path)}", status_code=303)

    @app.exception_handler(UsageError)
    async def usage_error(request: Request, exc: UsageError) -> Response:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    # ------------------------------------------------------------------ API

    @app.get("/healthz", response_model=Health, tags=["api"])
    def healthz() -> Health:
        return Health()

    async def receive(files: list[UploadFile]) -> list[Received]:
        if len(files) > config.max_files_per_upload:
            raise HTTPException(413, f"{len(files)} files: at most {config.max_files_per_upload} per upload")
        received = []
        for upload in files:
            received.append(await run_in_threadpool(
                jobs.uploads.receive, upload.filename, upload.file, config.settings.max_file_bytes))
            await upload.close()
        return received

    @app.post("/api/documents", status_code=202, response_model=UploadAccepted, tags=["api"],
              summary="Upload reports; they are queued and run through the ingest flow")
    async def upload_documents(
        files: Annotated[list[UploadFile], File(description=f"Reports ({', '.join(ALLOWED_SUFFIXES)})")],
        who: Annotated[str, Depends(api_user)],
    ) -> dict[str, Any]:
        batch = jobs.submit(await receive(files))
        return {"batch_id": batch["batch_id"], "documents": batch["documents"]}

    @app.get("/api/batches/{batch_id}", response_model=BatchStatus, tags=["api"])
    def get_batch(batch_id: str, who: Annotated[str, Depends(api_user)]) -> dict[str, Any]:
        batch = jobs.get(batch_id)
        if batch is None:
            raise HTTPException(404, "no such batch")
        return batch

    @app.get("/api/findings", response_model=list[FindingOut], tags=["api"],
             summary="Findings of the current reports, with their triage status")
    def list_findings(
        who: Annotated[str, Depends(api_user)],
        unit: str | None = None,
        year: int | None = None,
        status: Annotated[Literal["open", "accepted", "dismissed"] | None, Query()] = None,
        kind: str | None = None,
    ) -> list[dict[str, Any]]:
        return [f.to_dict() for f in current_findings(store, year=year, unit=unit, kind=kind, status=status)]

    @app.post("/api/findings/{finding_id}/triage", response_model=FindingOut, tags=["api"],
              summary="Accept, dismiss (with a reason) or reopen a finding")
    def triage_finding(finding_id: str, body: TriageIn, who: Annotated[str, Depends(api_user)]) -> dict[str, Any]:
        return _triage(store, finding_id, body.status, body.reason, who).to_dict()

    @app.get("/api/units/{unit}/history", response_model=History, tags=["api"],
             summary="A unit's years side by side (self-reported; official where a ranking is known)")
    def unit_history_api(unit: str, who: Annotated[str, Depends(api_user)],
                         district: str | None = None) -> dict[str, Any]:
        found = views.unit_history(store, unit, district)
        if not found:
            raise HTTPException(404, "no such unit in the store")
        return {"units": found}

    # ------------------------------------------------------------------ pages

    @app.get("/login", include_in_schema=False)
    def login_page(request: Request, next: str = "/") -> Response:
        cookie = request.cookies.get(SESSION_COOKIE) or auth.session_cookie("")
        request.state.cookie = cookie
        return render(request, "login.html", "", next=_safe_next(next), error=None)

    @app.post("/login", include_in_schema=False)
    def login(request: Request, name: Annotated[str, Form()] = "", password: Annotated[str, Form()] = "",
              next: Annotated[str, Form()] = "/") -> Response:
        who = auth.check_login(name, password) if auth.required else auth.local_user
        if who is None:
            request.state.cookie = auth.session_cookie("")
            return render(request, "login.html", "", status_code=401, next=_safe_next(next),
                          error="Tên hoặc mật khẩu không đúng (wrong name or password)")
        response = RedirectResponse(_safe_next(next), status_code=303)
        _set_session(response, request, auth.session_cookie(who))
        return response

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request, who: Annotated[str, Depends(page_user)], csrf: Annotated[str, Form()] = "") -> Response:
        check_form(request, csrf)
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(
        request: Request, who: Annotated[str, Depends(page_user)], year: str | None = None,
        district: str | None = None, level: str | None = None, severity: str | None = None,
    ) -> Response:
        data = views.overview(store, _int(year), district=district or None, level=level or None,
                              severity=severity if severity in ("error", "warning", "info") else None)
        return render(request, "overview.html", who, data=data, district=district or "", level=level or "",
                      severity=severity or "")

    @app.get("/documents/{sha256}", response_class=HTMLResponse, include_in_schema=False)
    def report_page(request: Request, sha256: str, who: Annotated[str, Depends(page_user)]) -> Response:
        found = views.record_row(store, sha256)
        if found is None:
            raise HTTPException(404, "no such report")
        original = views.original_file(found[0], jobs.uploads.path_of(sha256))
        page = views.report_page(store, sha256, original)
        return render(request, "report.html", who, page=page, sha256=sha256, next=f"/documents/{sha256}")

    @app.get("/documents/{sha256}/evidence.png", include_in_schema=False)
    def evidence_image(sha256: str, who: Annotated[str, Depends(page_user)], page: int = 1,
                       bbox: str | None = None) -> Response:
        found = views.record_row(store, sha256)
        if found is None or found[0].source.format != "pdf":
            raise HTTPException(404, "no PDF for this report")
        original = views.original_file(found[0], jobs.uploads.path_of(sha256))
        if original is None:
            raise HTTPException(404, "the report's file is not available to render")
        try:
            png = render_region(original, page, parse_bbox(bbox))
        except ValueError as exc:
            raise HTTPException(404, str(exc)) from None
        return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

    @app.post("/findings/{finding_id}/triage", include_in_schema=False)
    def triage_form(
        request: Request, finding_id: str, who: Annotated[str, Depends(page_user)],
        status: Annotated[str, Form()], csrf: Annotated[str, Form()] = "", reason: Annotated[str, Form()] = "",
        next: Annotated[str, Form()] = "/",
    ) -> Response:
        check_form(request, csrf)
        try:
            _triage(store, finding_id, status, reason, who)
        except UsageError as exc:
            return render(request, "error.html", who, status_code=422, message=str(exc), back=_safe_next(next))
        return RedirectResponse(_safe_next(next) + f"#f-{finding_id}", status_code=303)

    @app.get("/findings/{finding_id}", response_class=HTMLResponse, include_in_schema=False)
    def finding_page(request: Request, finding_id: str, who: Annotated[str, Depends(page_user)]) -> Response:
        found = find(store, finding_id)
        log = decision_log(store, finding_id)
        if found is None and not log:
            raise HTTPException(404, "no such finding")
        return render(request, "finding.html", who, item=found, log=log, finding_id=finding_id)

    @app.get("/units/{name}", response_class=HTMLResponse, include_in_schema=False)
    def unit_page(request: Request, name: str, who: Annotated[str, Depends(page_user)],
                  district: str | None = None) -> Response:
        units = views.unit_history(store, name, district)
        if not units:
            raise HTTPException(404, "no such unit in the store")
        codes = [sorted({c for y in u["years"] for c in y["self_reported"]["criteria"]}, key=lambda c: (len(c), c))
                 for u in units]
        return render(request, "unit.html", who, units=units, codes=codes, name=name)

    @app.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_page(request: Request, who: Annotated[str, Depends(page_user)]) -> Response:
        return render(request, "upload.html", who, accepted=", ".join(ALLOWED_SUFFIXES),
                      max_bytes=config.settings.max_file_bytes, max_files=config.max_files_per_upload)

    @app.post("/upload", include_in_schema=False)
    async def upload_form(request: Request, who: Annotated[str, Depends(page_user)],
                          files: Annotated[list[UploadFile], File()], csrf: Annotated[str, Form()] = "") -> Response:
        check_form(request, csrf)
        batch = jobs.submit(await receive(files))
        return RedirectResponse(f"/batches/{batch['batch_id']}", status_code=303)

    @app.get("/batches/{batch_id}", response_class=HTMLResponse, include_in_schema=False)
    def batch_page(request: Request, batch_id: str, who: Annotated[str, Depends(page_user)]) -> Response:
        batch = jobs.get(batch_id)
        if batch is None:
            raise HTTPException(404, "no such batch")
        return render(request, "batch.html", who, batch=batch)

    return app


class _LoginRequired(Exception):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


def _triage(store: Store, finding_id: str, status: str, reason: str | None, who: str) -> Any:
    if status not in STATUSES:
        raise UsageError(f"status must be one of {', '.join(STATUSES)}")
    found = find(store, finding_id)
    if found is None:
        raise HTTPException(404, "no current report has this finding")
    found.decision = decide(store, finding_id, status, reason, who)
    return found


def _set_session(response: Response, request: Request, cookie: str | None) -> None:
    if cookie:
        response.set_cookie(SESSION_COOKIE, cookie, max_age=SESSION_SECONDS, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https", path="/")


def _safe_next(target: str | None) -> str:
    """A same-site path to go back to (never another site: no scheme, no ``//host``)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


def _num(value: float | str | None) -> str:
    """A number the Vietnamese way (decimal comma, the extractor's formatter), '–' for none."""
    from cchc.extractors.numbers import format_vi

    if value is None:
        return "–"
    if isinstance(value, str):
        try:
            return format_vi(float(value))
        except ValueError:
            return value
    return format_vi(float(value))


def local_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "local"
