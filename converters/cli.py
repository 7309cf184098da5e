"""The ``senate-ld`` command line.

Exit status: 0 when all is well, 1 when any document or stage failed (the rest is
still built), 2 for usage errors.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import click
from pyoxigraph import Triple
from rich.markup import escape
from rich.table import Table

from .build import build
from .console import (
    ProgressBar,
    console,
    errors,
    print_result,
    print_summary,
    print_validation_table,
    validation_summary,
)
from .convert.corpus import sort_triples
from .convert.dataset import DEFAULT_PUBLISHER, PUBLIC_DOMAIN_MARK, Publication, described_bases
from .errors import BuildError
from .iris import DEFAULT_BASE_URI, InvalidBaseURIError, check_http_iri, normalise_base_uri
from .pipeline import BuildOptions
from .publish.dumps import VALIDATION_REPORT, write_validation_report
from .publish.files import RdfReadError, read_rdf
from .query.catalogue import QueryError, find_query, load_catalogue
from .query.loading import dataset_graph, load_graph
from .query.store import EmbeddedStore, RemoteEndpoint, StoreError, split_credentials
from .site.server import make_server
from .synth.synthetic import synthetic_corpus
from .validate.shacl import validate_triples


def _base_uri(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    try:
        return normalise_base_uri(value)
    except InvalidBaseURIError as error:
        raise click.BadParameter(str(error)) from None


def _absolute_iri(value: str | None, option: str) -> str | None:
    try:
        return None if value is None else check_http_iri(value, option)
    except InvalidBaseURIError as error:
        raise click.BadParameter(str(error)) from None


def _email(value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+", value):
        raise click.BadParameter(f"not an e-mail address: {value!r}")
    return value


def _optional_base_uri(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    return None if value is None else _base_uri(ctx, param, value)


def _base_of(triples: list[Triple]) -> str:
    """The base a graph was built with, as its dataset description says; the default
    when it says none. Two bases are a usage error: which one to check is not known."""
    bases = described_bases(triples)
    if len(bases) > 1:
        raise click.UsageError(
            f"the data describes datasets under {len(bases)} bases "
            f"({', '.join(sorted(bases))}): say which with --base-uri"
        )
    try:
        return normalise_base_uri(bases.pop()) if bases else DEFAULT_BASE_URI
    except InvalidBaseURIError as error:
        raise click.UsageError(f"the data's void:uriSpace is not a base IRI: {error}") from None


jobs_option = click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default=True,
    help="Worker processes.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="senate-ld")
def main() -> None:
    """Publish the Belgian Senate's written questions as Linked Data."""


@main.command("build")
@click.argument("sources", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Output folder (replaced as a whole when the build completes).",
)
@click.option(
    "--base-uri",
    default=DEFAULT_BASE_URI,
    show_default=True,
    callback=_base_uri,
    help="Base IRI under which resources are minted.",
)
@click.option(
    "--eurovoc",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="SKOS file (Turtle, N-Triples, RDF/XML) to link descriptors to EuroVoc.",
)
@jobs_option
@click.option(
    "--license",
    "license_iri",
    default=PUBLIC_DOMAIN_MARK,
    show_default=True,
    help="Licence IRI stated in the dataset description.",
)
@click.option(
    "--publisher",
    default=DEFAULT_PUBLISHER,
    show_default=True,
    help="Who publishes the dataset, as the DCAT-AP catalogue names them.",
)
@click.option(
    "--publisher-iri",
    callback=lambda _ctx, _param, value: _absolute_iri(value, "--publisher-iri"),
    help="IRI of the publisher (default: {base}publisher).",
)
@click.option(
    "--contact-email",
    callback=lambda _ctx, _param, value: _email(value),
    help="E-mail address of the dataset's contact point.",
)
@click.option(
    "--cache/--no-cache",
    default=True,
    show_default=True,
    help="Reuse what the previous build into --out made from unchanged inputs "
    "(kept in .OUT.cache beside it); --no-cache builds everything anew.",
)
def build_command(
    sources: tuple[Path, ...],
    out: Path,
    base_uri: str,
    eurovoc: Path | None,
    jobs: int,
    license_iri: str,
    publisher: str,
    publisher_iri: str | None,
    contact_email: str | None,
    cache: bool,
) -> None:
    """Build the dataset from SOURCES (files or folders): RDF dumps, SHACL report, website.

    With no SOURCES, builds the bundled sample corpus. Building again into the same
    output folder redoes only what depends on changed sources; the result is the same
    as a clean build.
    """
    publication = Publication(license_iri, publisher, publisher_iri, contact_email)
    options = BuildOptions(sources, out, base_uri, eurovoc, jobs, publication, cache)
    try:
        with ProgressBar() as report_progress:
            report = build(options, report_progress)
    except BuildError as error:
        errors.print(f"[red]error:[/red] {escape(str(error))}", soft_wrap=True)
        sys.exit(2)
    for line in report.error_lines:
        errors.print(f"[red]error:[/red] {escape(line)}", soft_wrap=True)
    if report.validation.results:
        print_validation_table(report.validation, report.out / VALIDATION_REPORT)
    print_summary(report)
    sys.exit(1 if report.failed else 0)


@main.command("validate")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--base-uri",
    default=None,
    callback=_optional_base_uri,
    help="Base IRI the resources were minted under "
    "[default: the data's own void:uriSpace, else http://localhost:8000/].",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the SHACL report as Turtle to this file.",
)
@jobs_option
def validate_command(
    files: tuple[Path, ...], base_uri: str | None, report_path: Path | None, jobs: int
) -> None:
    """Validate RDF FILES (default: output/dataset.ttl) against the senate-ld shapes.

    Exit status 1 when any Violation is found; Warnings alone keep 0.
    """
    paths = list(files) or [Path("output") / "dataset.ttl"]
    try:
        triples = read_rdf(paths)
    except RdfReadError as error:
        errors.print(f"[red]error:[/red] {escape(str(error))}", soft_wrap=True)
        sys.exit(1 if paths[0].exists() else 2)
    if base_uri is None:
        base_uri = _base_of(triples)
    report = validate_triples(sort_triples(triples), base_uri, jobs=jobs)
    if report_path is not None:
        write_validation_report(report.triples(), report_path.parent, report_path.name)
    if report.results:
        print_validation_table(report, report_path)
    console.print(f"{len(triples)} triples: {validation_summary(report)}")
    sys.exit(1 if report.has_violations else 0)


@main.command("query")
@click.argument("query_name", metavar="NAME|FILE.rq")
@click.option(
    "--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter."
)
@click.option(
    "--data",
    type=click.Path(dir_okay=False, path_type=Path),
    help="RDF file to query (default: output/dataset.nt), kept loaded between runs.",
)
@click.option("--endpoint", help="Query this SPARQL 1.1 endpoint instead of the embedded store.")
@click.option("--user", help="User name for the endpoint (password from $SENATE_LD_PASSWORD).")
@click.option(
    "--graph",
    callback=lambda _ctx, _param, value: _absolute_iri(value, "--graph"),
    help="With --endpoint: the graph to query (default: the endpoint's default graph, "
    "or the one graph that holds a senate-ld dataset when that one holds none).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
def query_command(
    query_name: str,
    params: tuple[str, ...],
    data: Path | None,
    endpoint: str | None,
    user: str | None,
    graph: str | None,
    output_format: str,
) -> None:
    """Run a catalogue query by NAME (see 'senate-ld queries'), or a SPARQL FILE.rq.

    Parameters are bound as typed RDF terms, never pasted into the query text.
    """
    if data is not None and endpoint is not None:
        raise click.UsageError("--data and --endpoint are alternatives: give one")
    if graph is not None and endpoint is None:
        raise click.UsageError("--graph names a graph of an --endpoint")
    try:
        query = find_query(query_name)
        text = query.bound(_parse_params(params))
        if endpoint is not None:
            url, credentials = split_credentials(endpoint, user, None)
            remote = RemoteEndpoint(url, credentials, graph=graph)
            if graph is None and (found := remote.find_dataset_graph()) is not None:
                errors.print(f"querying the graph <{escape(found)}>, which holds the dataset")
                remote.graph = found
            result = remote.query(text)
        else:
            result = EmbeddedStore(data or Path("output") / "dataset.nt").query(text)
    except (QueryError, StoreError) as error:
        errors.print(f"[red]error:[/red] {escape(str(error))}", soft_wrap=True)
        sys.exit(1)
    print_result(result, output_format, query.title)


@main.command("queries")
def queries_command() -> None:
    """List the query catalogue: names, parameters and what each query answers."""
    table = Table(title="senate-ld query catalogue", title_justify="left")
    for column in ("name", "parameters", "description"):
        table.add_column(column, overflow="fold")
    for name, query in load_catalogue().items():
        parameters = ", ".join(f"{p.name} ({p.type}, {p.default})" for p in query.parameters)
        table.add_row(name, escape(parameters), escape(query.description))
    console.print(table)


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    values: dict[str, str] = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{param!r} is not NAME=VALUE", param_hint="--param")
        values[name.strip()] = value
    return values


@main.command("load")
@click.option(
    "--endpoint",
    required=True,
    help="Graph Store Protocol endpoint, e.g. http://127.0.0.1:7878/store (Oxigraph).",
)
@click.option(
    "--graph", help="Named graph to replace (default: the dataset IRI found in the data)."
)
@click.option(
    "--default-graph", is_flag=True, help="Replace the default graph instead of a named one."
)
@click.option(
    "--data",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("output") / "dataset.nt",
    show_default=True,
)
@click.option(
    "--query-endpoint",
    help="Query endpoint used to count what was loaded (default: guessed beside --endpoint).",
)
@click.option("--user", help="User name (password from $SENATE_LD_PASSWORD, never printed).")
def load_command(
    endpoint: str,
    graph: str | None,
    default_graph: bool,
    data: Path,
    query_endpoint: str | None,
    user: str | None,
) -> None:
    """Load a dump into a SPARQL 1.1 store, replacing the graph in one request.

    After loading, the triple count in the store is checked against the file.
    """
    url, credentials = split_credentials(endpoint, user, None)
    try:
        target = None if default_graph else (graph or dataset_graph(data))
        with ProgressBar() as progress:
            report = load_graph(
                url,
                data,
                target,
                credentials,
                query_endpoint,
                progress=lambda sent, total: progress("upload", sent, total),
            )
    except StoreError as error:
        errors.print(f"[red]error:[/red] {escape(str(error))}", soft_wrap=True)
        sys.exit(1)
    console.print(
        f"loaded {report.file_triples} triples from {data} into <{report.graph}>; "
        f"the store holds {report.store_triples}"
    )
    if not report.complete:
        errors.print("[red]error:[/red] the store does not hold what the file holds")
        sys.exit(1)


@main.command("serve")
@click.argument(
    "directory",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("output"),
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
def serve_command(directory: Path, port: int) -> None:
    """Preview the built site at http://127.0.0.1:PORT/ (Ctrl-C to stop).

    Resource folders answer Accept: text/turtle and application/ld+json with their
    Turtle and JSON-LD descriptions, as the generated Apache and nginx rules do.
    """
    try:
        server = make_server(directory, port)
    except OSError as error:
        errors.print(
            f"[red]error:[/red] cannot listen on 127.0.0.1:{port}: "
            + escape(error.strerror or str(error))
        )
        sys.exit(1)
    console.print(
        f"serving {directory} at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)"
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command("synth")
@click.argument("count", type=click.IntRange(min=1))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write the documents into (created if needed).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same corpus.")
def synth_command(count: int, out: Path, seed: int) -> None:
    """Write COUNT made-up documents in the Senate's format, for tests and benchmarks.

    Every name in them is fictional; shapes and sizes follow the real series.
    """
    out.mkdir(parents=True, exist_ok=True)
    with ProgressBar() as progress:
        for done, document in enumerate(synthetic_corpus(count, seed), start=1):
            (out / document.name).write_bytes(document.content)
            progress("synth", done, count)
    console.print(f"wrote {count} documents to {out}")
