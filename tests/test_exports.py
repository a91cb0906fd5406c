"""Data NGOs reuse: contacts.json (validated by its schema), the vCards, the embed pages and the
"save to my phone" links, read from a real build; then broken on a copy to see them fail."""
from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import jsonschema
import pytest
import vobject

from scripts.core import addresses, contacts, project, urls
from scripts.website import exports
from scripts import buildsteps
from scripts.core.phones import dial

from conftest import ROOT, copy_project, edit

SITE_URL = "https://derechos.example.org/"


@pytest.fixture(scope="module")
def exported(made_site) -> tuple[Path, Path]:
    """The real project built as `make site` builds it (engine, then its exports): root, site."""
    return made_site.root, made_site.site


def registry(root: Path):
    return project.load(root).registry


def read_cards(path: Path) -> list:
    return list(vobject.readComponents(path.read_text(encoding="utf-8")))


def test_exports_is_a_build_step():
    assert exports.export in buildsteps.STEPS


def test_contacts_json_validates_and_carries_both_languages(exported):
    root, site = exported
    data = json.loads((site / "contacts.json").read_text(encoding="utf-8"))
    schema = json.loads((root / "data/contacts.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    assert data["schema_version"] == 1 and data["languages"] == ["es", "en"]
    assert json.loads((site / "contacts.schema.json").read_text(encoding="utf-8")) == schema
    reg = registry(root)
    assert [c["id"] for c in data["contacts"]] == [c.id for c in reg.national()]  # a local office is not in it (docs/contacts.md)
    for item in data["contacts"]:
        contact = reg.get(item["id"])
        assert item["name"] == contact.name and set(item["name"]) == {"es", "en"}
        phone = dial(contact.phone, contact.region)
        assert item["numbers"]["phone"]["href"] == phone.href
        assert item["numbers"]["phone"]["display"] == phone.display
        for address in item["vcard"].values():
            assert (site / address[len(SITE_URL):]).is_file(), address


def test_vcards_parse_and_carry_the_registry_numbers(exported):
    root, site = exported
    reg = registry(root)
    for lang, folder in (("es", site / "contactos"), ("en", site / "en" / "contactos")):
        for contact in reg.contacts.values():
            (card,) = read_cards(folder / f"{contact.id}.vcf")
            assert card.fn.value == contact.name[lang]
            numbers = [tel.value for tel in card.contents["tel"]]
            expected = [d.e164 or d.raw for kind in ("phone", "tty", "sms", "asl_video") if (d := contact.dial(kind))]
            assert numbers == expected, contact.id
            if contact.website:
                assert card.url.value == contact.website
        every = read_cards(folder / addresses.ALL_CONTACTS)
        assert [c.uid.value for c in every] == [f"derechos-{c.id}" for c in reg.national()]  # local offices: their own card only


def test_the_discreet_contacts_file_hides_what_the_sensitive_lines_are(exported):
    """Issue 25: the same numbers as the all-contacts file; the trafficking hotline and the EEOC
    under neutral names, with their numbers only (no note, site or uid that tells what they are)."""
    root, site = exported
    proj = project.load(root)
    for lang, folder in (("es", site / "contactos"), ("en", site / "en" / "contactos")):
        words = proj.strings[lang]
        every = read_cards(folder / addresses.ALL_CONTACTS)
        discreet = read_cards(folder / addresses.DISCREET_CONTACTS)
        assert [[t.value for t in c.contents["tel"]] for c in discreet] == [[t.value for t in c.contents["tel"]] for c in every]
        assert set(exports.DISCREET) <= {c.id for c in proj.registry.national()}
        for contact_id, key in exports.DISCREET.items():
            number = proj.registry.get(contact_id).dial("phone").e164
            (card,) = [c for c in discreet if number in [t.value for t in c.contents["tel"]]]
            assert card.fn.value == words(key)
            assert set(card.contents) == {"version", "fn", "n", "uid", "tel"}
            assert contact_id not in card.uid.value
            text = card.serialize().lower()
            for telling in ("trafficking", "trata", "eeoc", "acoso", "harass", "discrimina"):
                assert telling not in text, (lang, contact_id, telling)


def test_a_foreign_number_keeps_its_country_code_and_dialing_note(exported):
    root, site = exported
    mexican = [c for c in registry(root).contacts.values() if c.phone.startswith("+52")]
    assert mexican
    for contact in mexican:
        (card,) = read_cards(site / "en" / "contactos" / f"{contact.id}.vcf")
        assert card.tel.value == contact.phone
        assert f"From the US, dial: {contact.dial().from_us}" in card.note.value


def test_a_changed_number_reaches_the_vcard_and_json(tmp_path):
    root = copy_project(tmp_path / "p")
    edit(root / "data/contacts.yml", 'phone: "+18003216742"', 'phone: "+18664879243"')
    site = tmp_path / "site"
    site.mkdir()
    problems = exports.export(project.load(root), site)
    assert not problems, problems
    (card,) = read_cards(site / "contactos" / "osha.vcf")
    assert card.tel.value == "+18664879243"
    data = json.loads((site / "contacts.json").read_text(encoding="utf-8"))
    osha = next(c for c in data["contacts"] if c["id"] == "osha")
    assert osha["numbers"]["phone"]["display"] == "1-866-487-9243"


def test_json_that_breaks_its_schema_fails_the_build(tmp_path):
    root = copy_project(tmp_path / "p")
    edit(root / "data/contacts.schema.json", '"schema_version": {"const": 1}', '"schema_version": {"const": 2}')
    site = tmp_path / "site"
    site.mkdir()
    problems = exports.export(project.load(root), site)
    assert str(problems[0]).startswith("data/contacts.schema.json:1: contacts.json does not match this schema: schema_version")
    assert not (site / "contacts.json").exists()
    ok, _ = buildsteps.run(project.load(root), site)
    assert not ok


def test_an_unreadable_schema_is_a_message(tmp_path):
    root = copy_project(tmp_path / "p")
    (root / "data/contacts.schema.json").write_text("{ not json", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    problems = exports.export(project.load(root), site)
    assert str(problems[0]).startswith("data/contacts.schema.json:1: cannot read the schema")


def test_every_contact_card_links_to_its_vcard(exported):
    _, site = exported
    cards = 0
    for page in site.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        lang = "en" if page.relative_to(site).parts[0] == "en" else "es"
        for cid, body in re.findall(r'<div class="contact-card" id="contacto-[^"]*" data-contact="([^"]+)">(.*?)\n</div>', text, re.S):
            cards += 1
            link = re.search(r'<p class="contact-save"><a href="([^"]+)" download>([^<]+)</a></p>', body)
            assert link, (page, cid)
            target = Path(posixpath.normpath((page.parent / link.group(1)).as_posix()))
            assert target.is_file() and target.name == f"{cid}.vcf", (page, link.group(1))
            assert target.parent == site / addresses.prefix(lang, "es") / "contactos"
            assert link.group(2) == ("Save to my phone" if lang == "en" else "Guardar en mi teléfono")
    assert cards >= 40


@pytest.mark.parametrize("lang_dir,lang", [("", "es"), ("en/", "en")])
@pytest.mark.parametrize("group", ["us", "mx"])
def test_embed_pages_hold_the_group_without_script(exported, lang_dir, lang, group):
    root, site = exported
    page = site / lang_dir / "embed" / group / "index.html"
    text = page.read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in text
    assert "<script" not in text and "<iframe" not in text
    assert not re.search(r'(?:src|href)="//', text)
    # the site's own stylesheet, nothing else to load
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)">', text)
    assert len(stylesheets) == 1 and (page.parent / stylesheets[0]).resolve() == (site / "assets/derechos.css").resolve()
    members = registry(root).by_group(group)
    ids = re.findall(r'data-contact="([^"]+)"', text)
    assert ids == [c.id for c in members]
    for contact in members:
        assert f'href="{contact.dial().href}"' in text
    for href in re.findall(r'href="(\.\./[^"]+)"', text):
        assert (page.parent / href).resolve().is_file(), href


def test_embedding_guide_snippets_point_at_published_addresses():
    guide = (Path(__file__).resolve().parent.parent / "docs/embedding.md").read_text(encoding="utf-8")
    listed = urls.load_manifest(Path(__file__).resolve().parent.parent).urls
    addresses = {a.rstrip(".,") for a in re.findall(r"https://derechos\.example\.org(/[^\s\"'<>)#`]*)", guide)}
    assert {"/embed/us/", "/contacts.json", "/salarios/"} <= addresses
    for address in addresses:
        assert address in listed or address.startswith("/contactos/"), address
    assert "<iframe" in guide and "#horas-extra" in guide and "/flyers/" in guide


def test_make_site_publishes_every_listed_address_flyers_included(exported):
    """data/urls.txt is the promise; the whole build a maintainer runs (checks, engine, exports,
    flyers) keeps it."""
    root, site = exported
    listed = urls.load_manifest(root).urls
    assert sum(1 for a in listed if a.startswith("/flyers/")) >= 70
    for address in listed:
        assert published(site, address), address


def published(site: Path, address: str) -> bool:
    """A page's or a file's address is a file of the site; a section is an id on its page; a
    contacts.json entry is a contact (or a renamed one) of the file."""
    path, _, fragment = address.partition("#")
    target = site / path.lstrip("/")
    target = target / "index.html" if path.endswith("/") else target
    if not target.is_file():
        return False
    if not fragment:
        return True
    if path == "/" + addresses.CONTACTS_JSON:
        data = json.loads(target.read_text(encoding="utf-8"))
        return fragment in {c["id"] for c in data["contacts"]} | set(data.get("renamed", {}))
    return f'id="{fragment}"' in target.read_text(encoding="utf-8")


def test_the_kinds_of_number_are_listed_once():
    """A new kind (WhatsApp, say) is a line in contacts.NUMBER_KINDS; the schema and the words files
    must name the same kinds, or contacts.json and the cards would leave it out."""
    schema = json.loads((ROOT / "data/contacts.schema.json").read_text(encoding="utf-8"))
    numbers = schema["$defs"]["contact"]["properties"]["numbers"]["properties"]
    assert tuple(numbers) == contacts.NUMBER_FIELDS
    proj = project.load(ROOT)
    for lang in proj.strict_languages:
        for kind in contacts.CARD_NUMBERS:
            assert kind in proj.strings[lang].texts, (lang, kind)
