"""A deadline typed by hand ("Tiene 180 días para quejarse") is an error at its line, naming the
registry entries that state the same number; a length of time that is no deadline (an age, a
frequency, opening hours, how long a rule looks back) is left alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EN_WAGES, ES_WAGES, append_line, check_project, edit, line_of
from scripts.core import durations

CALL_LINE = "Call WHD at [[phone:whd]]."


@pytest.mark.parametrize("sentence, typed", [
    ("Tiene 180 días para presentar su queja ante la EEOC.", "180 días"),
    ("Usted tiene treinta días para reclamar a OSHA.", "treinta días"),
    ("Puede cobrar hasta dos años atrás.", "dos años"),
    ("Avise a su patrón dentro de 10 días hábiles.", "10 días hábiles"),
    ("El plazo es de seis meses desde el despido.", "seis meses"),
    ("Tiene 2 años para demandar.", "2 años"),
    ("You must file within 2 years.", "2 years"),
    ("You have one year to file a claim.", "one year"),
    ("File a charge within 300 days.", "300 days"),
    ("Report the injury to your employer no later than 30 calendar days after it happened.", "30 calendar days"),
    ("You have 30\u00a0days to complain.", "30 days"),
    ("Reclame antes de que pasen 6 meses.", "6 meses"),
    ("Debe avisar en los primeros 30 días.", "30 días"),
    ("Si pasan más de 180 días ya no puede presentar la queja.", "180 días"),
    ("Tiene solo 30 días.", "30 días"),
    ("Cuenta con 180 días para hacer una queja.", "180 días"),
    ("Within six months, file with the NLRB.", "six months"),
    ("You can recover up to 2 years back pay.", "2 years"),
    ("Debe avisar en 30 días.", "30 días"),
    ("- **Plazo para quejarse:** 6 meses", "6 meses"),
    ("Deadline: 180 days", "180 days"),
    ("Presente su queja en 180 días.", "180 días"),
    ("There is a 30-day deadline.", "30-day"),
    ("| Si le castigan por… | Dónde quejarse | Plazo |\n| --- | --- | --- |\n| Quejarse | OSHA | 30 días |", "30 días"),
    # Said without the words right around it that the first version looked for:
    ("Presente su queja a OSHA en 30 días.", "30 días"),
    ("Debe quejarse en los 30 días siguientes al despido.", "30 días"),
    ("Puede presentar la queja hasta 2 años después del pago.", "2 años"),
    ("La queja se presenta máximo 30 días después de la represalia.", "30 días"),
    ("El plazo para reclamar es de 2 años.", "2 años"),
    ("Avise a su patrón en menos de 30 días.", "30 días"),
    ("Reporte la lesión lo antes posible: en algunos estados, en 30 días.", "30 días"),
    ("Hay un límite de 180 días.", "180 días"),
    ("File your complaint no more than 30 days after you were fired.", "30 days"),
    ("You can file up to 2 years after the violation.", "2 years"),
    ("Complain before 30 days pass.", "30 days"),
    ("Después de 30 días ya no puede quejarse.", "30 días"),
    ("Hasta 30 días después del despido puede quejarse.", "30 días"),
])
def test_a_typed_deadline_is_found(sentence, typed):
    assert [f.raw for f in durations.find(f"Intro.\n\n{sentence}\n")] == [typed]


@pytest.mark.parametrize("sentence", [
    "La línea contesta 24 horas, los 7 días de la semana, y recibe quejas.",
    "Si tiene 40 años o más, la ley le protege si se queja.",
    "La ley protege a los mayores de 40 años que presentan una queja.",
    "Tiene 40 años y lo despidieron después de quejarse.",
    "Los gobiernos se reúnen cada tres meses para revisar las quejas.",
    "No hubo vivienda para trabajadores en los últimos 12 meses.",
    "Trabajó 3 meses en el rancho.",
    "Workers 40 years or older are protected when they complain.",
    "The office reviews complaints every 12 months.",
    "El salario de un día de trabajo.",
    "Tiene [[deadline:osha_represalia]] para reclamar a OSHA.",
    "Si el contrato dura 10 semanas, puede reclamar el pago.",
    "La visa H-2A dura hasta 3 años en total.",
    "Si trabajó más de 40 horas en una semana, reclame el pago extra.",
    "Guarde sus talones de pago por 3 años, le servirán si presenta una queja.",
    "OSHA tarda unos 30 días en responder a una queja.",
    "It can take 6 months for WHD to investigate your complaint.",
    "En 2023 hubo más de 300 quejas en 12 meses.",
    "Housing must be inspected 45 days before workers arrive.",
    "Si lleva 2 años trabajando para el mismo patrón y lo despiden por quejarse, llame.",
    "Si tiene un año trabajando, pida vacaciones.",
    "Reclame su pago en una semana normal de trabajo.",
    "| Horario | Días |\n| --- | --- |\n| Abierto | 7 días |",   # a table that is not about limits
    # A story, how long something took or lasted, how long ago: no limit, though a claim is named.
    "Después de 3 meses de trabajo, me despidieron por quejarme.",
    "La visa H-2A puede durar hasta 3 años; si lo despiden por quejarse, llame.",
    "If you worked there for up to 2 years, you can still file a complaint.",
    "Trabajé 2 años y después de quejarme me corrieron.",
    "Estuve 6 meses sin pago antes de presentar la queja.",
    "El contrato es de 10 meses; antes de firmar, pida una copia y reclame si cambia.",
    "The job lasts up to 10 months; ask for a copy before you sign and file a complaint if it changes.",
    "After 2 weeks of work, the employer must pay the trip; if not, file a complaint.",
    "Después de 3 días sin agua, nos quejamos con el mayordomo.",
    "La inspección tomó 2 semanas después de la queja.",
    "Hasta hace 2 años, muchos trabajadores no sabían cómo presentar una queja.",
    "Puede trabajar máximo 6 días a la semana y reclamar si no.",
    "You can work no more than 6 days a week; file a complaint if not.",
])
def test_a_length_of_time_that_is_no_deadline_is_left_alone(sentence):
    assert durations.find(f"Intro.\n\n{sentence}\n") == []


def test_a_typed_deadline_on_a_page_is_one_error_naming_the_entry(project_copy: Path):
    page = project_copy / EN_WAGES
    line = line_of(page, CALL_LINE)
    edit(page, CALL_LINE, "You have 30 days to complain to OSHA. " + CALL_LINE)
    checked = check_project(project_copy)
    assert checked.errors == {(EN_WAGES, line, "handwritten-deadlines")}, checked
    assert "the deadline '30 days' is typed by hand" in checked.text
    assert "write [[deadline:osha_represalia]]" in checked.text


def test_a_reference_is_not_a_typed_deadline(project_copy: Path):
    append_line(project_copy / ES_WAGES, "Tiene [[deadline:osha_represalia]] para reclamar a OSHA.")
    assert not check_project(project_copy).of("handwritten-deadlines")


def test_a_deadline_no_entry_states_says_to_add_one(project_copy: Path):
    page = project_copy / EN_WAGES
    line = line_of(page, CALL_LINE)
    edit(page, CALL_LINE, "You have 17 days to file an appeal. " + CALL_LINE)
    checked = check_project(project_copy)
    assert (EN_WAGES, line, "handwritten-deadlines") in checked.errors, checked
    assert "add it there with the official page that states it (docs/deadlines.md)" in checked.text


def test_a_typed_deadline_in_the_guided_path_is_an_error_at_its_line(project_copy: Path):
    tree = project_copy / "data/que-paso.yml"
    line = line_of(tree, "- Avise a su patrón hoy, por escrito.")
    edit(tree, "- Avise a su patrón hoy, por escrito.", "- Avise a su patrón dentro de 30 días, por escrito.")
    checked = check_project(project_copy)
    assert ("data/que-paso.yml", line, "handwritten-deadlines") in checked.errors, checked
    assert "the deadline '30 días' is typed by hand" in checked.text


def test_a_worker_phrase_may_hold_a_length_of_time(project_copy: Path):
    """Search phrases are what workers type ('tengo 30 días para quejarme'), not facts the page states."""
    page = project_copy / ES_WAGES
    edit(page, "phrases:\n  page:\n", "phrases:\n  page:\n    - tengo 30 días para quejarme\n")
    assert not check_project(project_copy).of("handwritten-deadlines")


# data/states.yml's notes are printed on the state pages as written: a deadline there comes by id.
@pytest.mark.parametrize("old, new, typed, where, fix", [
    ('en: "Since 1 July 2026. Before, it was $13.00.',
     'en: "Since 1 July 2026. You have 2 years to claim. Before, it was $13.00.',
     "You have 2 years", "state 'ak', minimum_wage: the note (en): the deadline '2 years'",
     "the state page shows the state's deadlines in its pay, injury and discrimination sections"),
    ("      contact: ca_labor_commissioner\n",
     "      contact: ca_labor_commissioner\n      note:\n        es: Tiene 3 años para reclamar el pago.\n"
     "        en: Claim your pay.\n",
     "Tiene 3 años para reclamar", "state 'ca', pay: the note (es): the deadline '3 años'",
     "list its id under 'deadlines:' in this section"),
])
def test_a_typed_deadline_in_a_state_text_is_an_error_at_its_line(project_copy: Path, old, new, typed, where, fix):
    states = project_copy / "data/states.yml"
    edit(states, old, new)
    line = line_of(states, typed)
    checked = check_project(project_copy)
    assert checked.errors == {("data/states.yml", line, "handwritten-deadlines")}, checked
    assert where in checked.text and fix in checked.text, checked.text
