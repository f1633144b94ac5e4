"""The web UI in a real headless Chromium against the real binary: accounts, the task form,
chat, live sync, recurrence, reminders, undo, keyboard use, phone layout and first paint."""

import datetime
import json
import time
import uuid
from zoneinfo import ZoneInfo

import pytest
import requests
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import BROWSER_ZONE, e2e, screenshot, sign_up_api

BERLIN = ZoneInfo("Europe/Berlin")
WAIT_SECONDS = 15


def wait(browser, seconds=WAIT_SECONDS):
    """Waits for a condition; an element redrawn while it is read is read again at the next poll."""
    return WebDriverWait(browser, seconds, poll_frequency=0.1,
                         ignored_exceptions=(StaleElementReferenceException, NoSuchElementException))


def open_signed_in(browser, stack, account):
    """Opens the page with the account's session already in sessionStorage, as after a reload."""
    browser.get(stack.frontend + "/health")
    browser.execute_script(
        "sessionStorage.setItem('todo-chatbot.session', arguments[0])", json.dumps(account.session))
    browser.get(stack.frontend + "/")
    wait(browser).until(EC.visibility_of_element_located((By.ID, "app-view")))
    wait(browser).until(lambda b: b.find_element(By.ID, "list-status").text not in ("", "Loading…"))


def task_items(browser, title):
    return [item for item in browser.find_elements(By.CSS_SELECTOR, "#tasks li.task")
            if item.find_element(By.CSS_SELECTOR, ".title").text == title]


def wait_for_task(browser, title, count=1, seconds=WAIT_SECONDS):
    wait(browser, seconds).until(lambda b: len(task_items(b, title)) >= count)
    return task_items(browser, title)


def severe_console_messages(browser):
    """Console errors other than failed network requests the tests cause on purpose."""
    return [entry for entry in browser.get_log("browser")
            if entry["level"] == "SEVERE" and "WebSocket" not in entry["message"]
            and "status of 404" not in entry["message"] and "status of 401" not in entry["message"]]


def unique(title):
    return f"{title} {uuid.uuid4().hex[:6]}"


def test_sign_up_then_create_a_task_with_the_form(stack, browser):
    browser.get(stack.frontend + "/")
    wait(browser).until(EC.visibility_of_element_located((By.ID, "auth-form")))
    screenshot(browser, "01-log-in")
    browser.find_element(By.ID, "auth-switch").click()
    assert browser.find_element(By.ID, "auth-title").text == "Sign up"
    email = e2e.unique_email("browser")
    browser.find_element(By.ID, "auth-email").send_keys(email)
    browser.find_element(By.ID, "auth-password").send_keys(e2e.PASSWORD + Keys.ENTER)
    wait(browser).until(EC.visibility_of_element_located((By.ID, "app-view")))
    assert browser.find_element(By.ID, "user-email").text == email

    browser.find_element(By.ID, "new-task").click()
    dialog = wait(browser).until(EC.visibility_of_element_located((By.ID, "editor")))
    assert browser.switch_to.active_element.get_attribute("id") == "task-title"
    title = unique("Call the bank")
    # Signing up in the page gives the account the browser's zone.
    tomorrow = (datetime.datetime.now(ZoneInfo(BROWSER_ZONE)) + datetime.timedelta(days=1)).date()
    browser.find_element(By.ID, "task-title").send_keys(title)
    browser.find_element(By.ID, "task-description").send_keys("About the mortgage")
    set_value(browser, "task-due-date", tomorrow.isoformat())
    set_value(browser, "task-due-time", "09:30")
    Select(browser.find_element(By.ID, "task-priority")).select_by_visible_text("high")
    browser.find_element(By.ID, "task-tags").send_keys("errands, #bank")
    dialog.find_element(By.CSS_SELECTOR, "input[name=reminder][value='15']").click()
    Select(browser.find_element(By.ID, "task-repeat")).select_by_visible_text("Custom rule…")
    browser.find_element(By.ID, "task-rrule").send_keys("FREQ=MONTHLY;BYDAY=-1FR")
    screenshot(browser, "02-task-form")
    browser.find_element(By.ID, "editor-save").click()

    [item] = wait_for_task(browser, title)
    meta = item.find_element(By.CSS_SELECTOR, ".meta").text
    assert "high" in meta and "#errands" in meta and "#bank" in meta and "repeats" in meta
    assert "09:30" in meta
    screenshot(browser, "03-task-list")

    token = browser.execute_script("return JSON.parse(sessionStorage.getItem('todo-chatbot.session')).access_token")
    tasks = requests.get(stack.api + "/api/tasks", params={"q": title},
                         headers={"Authorization": f"Bearer {token}"}, timeout=10).json()["tasks"]
    [task] = tasks
    assert task["due_at_local"].startswith(f"{tomorrow.isoformat()}T09:30:00")
    assert task["timezone"] == BROWSER_ZONE
    assert task["priority"] == "high" and sorted(task["tags"]) == ["bank", "errands"]
    assert task["reminders"][0]["minutes_before"] == 15
    assert task["recurrence"].endswith("FREQ=MONTHLY;BYDAY=-1FR")
    assert task["description"] == "About the mortgage"
    assert severe_console_messages(browser) == []


def set_value(browser, element_id, value):
    """Types into a date or time input the way the browser's own picker would fill it."""
    browser.execute_script(
        "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
        "e.dispatchEvent(new Event('input', {bubbles: true}))", element_id, value)


def test_editing_overdue_and_today_highlighting_and_filters(stack, browser):
    account = sign_up_api(stack, timezone="Europe/Berlin")
    today = datetime.datetime.now(BERLIN).date()
    overdue = account.create_task(title=unique("Overdue"), due_date=(today - datetime.timedelta(days=2)).isoformat(),
                                  tags=["home"])
    due_today = account.create_task(title=unique("Today"), due_date=today.isoformat(), priority="urgent")
    later = account.create_task(title=unique("Later"), due_date=(today + datetime.timedelta(days=9)).isoformat())
    late_evening = datetime.datetime.combine(today, datetime.time(23, 30), BERLIN)
    evening = account.create_task(title=unique("Evening"), due_at=late_evening.isoformat())
    open_signed_in(browser, stack, account)

    # Shown in the account's zone (Berlin), not the browser's (New York, six hours behind).
    assert "23:30" in task_items(browser, evening["title"])[0].find_element(By.CSS_SELECTOR, ".meta").text

    assert "overdue" in task_items(browser, overdue["title"])[0].get_attribute("class")
    assert "today" in task_items(browser, due_today["title"])[0].get_attribute("class")
    assert "overdue" not in task_items(browser, later["title"])[0].get_attribute("class")

    Select(browser.find_element(By.ID, "filter-priority")).select_by_visible_text("urgent")
    wait(browser).until(lambda b: [i.find_element(By.CSS_SELECTOR, ".title").text
                                   for i in b.find_elements(By.CSS_SELECTOR, "#tasks li")] == [due_today["title"]])
    Select(browser.find_element(By.ID, "filter-priority")).select_by_visible_text("Any")
    wait(browser).until(lambda b: Select(b.find_element(By.ID, "filter-tag")).options[-1].text == "home")
    Select(browser.find_element(By.ID, "filter-tag")).select_by_visible_text("home")
    wait(browser).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#tasks li")) == 1)
    Select(browser.find_element(By.ID, "filter-tag")).select_by_visible_text("Any")
    browser.find_element(By.ID, "filter-q").send_keys(later["title"].split()[-1])
    wait(browser).until(lambda b: [i.find_element(By.CSS_SELECTOR, ".title").text
                                   for i in b.find_elements(By.CSS_SELECTOR, "#tasks li")] == [later["title"]])

    # The search is emptied without an input event, so only the status change reloads the list.
    browser.execute_script("document.getElementById('filter-q').value = ''")
    Select(browser.find_element(By.ID, "filter-status")).select_by_visible_text("All")
    wait(browser).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#tasks li")) == 4)
    wait_for_task(browser, overdue["title"])[0].find_element(By.CSS_SELECTOR, "input.complete").click()
    wait(browser).until(lambda b: "done" in task_items(b, overdue["title"])[0].get_attribute("class"))
    assert account.get(f"/api/tasks/{overdue['id']}").json()["completed"] is True
    task_items(browser, overdue["title"])[0].find_element(By.CSS_SELECTOR, "input.complete").click()
    wait(browser).until(lambda b: "done" not in task_items(b, overdue["title"])[0].get_attribute("class"))
    assert account.get(f"/api/tasks/{overdue['id']}").json()["completed"] is False

    task_items(browser, later["title"])[0].find_element(By.CSS_SELECTOR, "button[data-action=edit]").click()
    wait(browser).until(EC.visibility_of_element_located((By.ID, "editor")))
    field = browser.find_element(By.ID, "task-title")
    field.clear()
    field.send_keys("Renamed " + later["title"])
    browser.find_element(By.ID, "editor-save").click()
    wait(browser).until(EC.invisibility_of_element_located((By.ID, "editor")))
    assert account.get(f"/api/tasks/{later['id']}").json()["title"] == "Renamed " + later["title"]


def test_create_a_task_through_chat(stack, browser):
    account = sign_up_api(stack)
    probe = account.post("/api/chat", json={"message": "hello"})
    if probe.status_code == 404 and probe.json().get("error", {}).get("code") == "route_not_found":
        pytest.skip("POST /api/chat is not on this branch yet (the chat API is built on chat-api)")
    open_signed_in(browser, stack, account)

    # Letters only: digits in the message could be read as a time or a count.
    title = "buy oat milk " + "".join(chr(ord("a") + int(c, 16)) for c in uuid.uuid4().hex[:6])
    field = browser.find_element(By.ID, "chat-input")
    field.send_keys(f"add a task to {title} tomorrow" + Keys.ENTER)
    wait(browser, 30).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#chat-log li.bot"))
    wait(browser, 30).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#chat-log a[data-task]"))
    link = browser.find_element(By.CSS_SELECTOR, "#chat-log a[data-task]")
    assert title.split()[-1] in link.text
    [item] = wait_for_task(browser, link.text)
    screenshot(browser, "04-chat")
    link.click()
    assert browser.switch_to.active_element.get_attribute("id") == "done-" + item.get_attribute("data-id")


def test_a_task_created_through_the_api_appears_live(stack, browser):
    account = sign_up_api(stack)
    open_signed_in(browser, stack, account)
    status = browser.find_element(By.ID, "sync-status")
    if not stack.has_websocket:
        wait(browser).until(lambda b: status.get_attribute("data-state") == "offline")
        assert "offline" in status.text or "off" in status.text
        pytest.skip("the binary has no websocket service yet (built on the websocket branch)")
    wait(browser).until(lambda b: status.get_attribute("data-state") == "live")

    title = unique("Made elsewhere")
    created = account.create_task(title=title)
    wait_for_task(browser, title, seconds=5)
    account.post(f"/api/tasks/{created['id']}/complete")
    wait(browser, 5).until(lambda b: not task_items(b, title))
    screenshot(browser, "05-live-sync")


def test_completing_a_repeating_task_shows_its_next_occurrence(stack, browser):
    account = sign_up_api(stack)
    today = datetime.datetime.now(BERLIN).date()
    title = unique("Water the plants")
    account.create_task(title=title, due_date=today.isoformat(), recurrence="FREQ=DAILY")
    open_signed_in(browser, stack, account)

    [item] = wait_for_task(browser, title)
    first_id = item.get_attribute("data-id")
    item.find_element(By.CSS_SELECTOR, "input.complete").click()
    tomorrow = today + datetime.timedelta(days=1)

    def next_occurrence_shown(b):
        items = task_items(b, title)
        return len(items) == 1 and "done" not in items[0].get_attribute("class") \
            and items[0].get_attribute("data-id") != first_id
    wait(browser, 20).until(next_occurrence_shown)
    [shown] = task_items(browser, title)
    next_task = account.get(f"/api/tasks/{shown.get_attribute('data-id')}").json()
    assert next_task["due_date"] == tomorrow.isoformat() and next_task["occurrence"] == 2
    screenshot(browser, "06-recurring-next")


def test_an_in_app_reminder_arrives(stack, browser):
    account = sign_up_api(stack)
    open_signed_in(browser, stack, account)
    title = unique("Stretch")
    due = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=4)
    account.create_task(title=title, due_at=due.isoformat(timespec="seconds").replace("+00:00", "Z"),
                        reminders=[{"minutes_before": 0}])

    wait(browser, 25).until(lambda b: any(title in toast.text for toast in b.find_elements(By.CSS_SELECTOR,
                                                                                          "#toasts .toast")))
    item = wait(browser).until(lambda b: next(
        (i for i in b.find_elements(By.CSS_SELECTOR, "#notifications li") if title in i.text), None))
    assert "unread" in item.get_attribute("class")
    screenshot(browser, "07-reminder")
    item.find_element(By.CSS_SELECTOR, "button[data-read]").click()
    wait(browser).until(lambda b: "read" == item.get_attribute("class"))
    assert account.get("/api/notifications", params={"unread": "true"}).json()["notifications"] == []


def test_delete_can_be_undone_and_otherwise_deletes(stack, browser):
    account = sign_up_api(stack)
    kept = account.create_task(title=unique("Keep me"))
    gone = account.create_task(title=unique("Delete me"))
    open_signed_in(browser, stack, account)

    task_items(browser, kept["title"])[0].find_element(By.CSS_SELECTOR, "button[data-action=delete]").click()
    assert not task_items(browser, kept["title"])
    undo = wait(browser).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#toasts .toast button")))
    undo.click()
    wait_for_task(browser, kept["title"])

    task_items(browser, gone["title"])[0].find_element(By.CSS_SELECTOR, "button[data-action=delete]").click()
    deadline = time.monotonic() + 12
    while account.get(f"/api/tasks/{gone['id']}").status_code != 404:
        assert time.monotonic() < deadline, "the delete was never sent"
        time.sleep(0.25)
    assert account.get(f"/api/tasks/{kept['id']}").status_code == 200


def test_log_out_log_in_and_an_expired_token_asks_again(stack, browser):
    account = sign_up_api(stack)
    open_signed_in(browser, stack, account)
    browser.find_element(By.ID, "logout").click()
    wait(browser).until(EC.visibility_of_element_located((By.ID, "auth-form")))
    assert browser.execute_script("return sessionStorage.getItem('todo-chatbot.session')") is None

    browser.find_element(By.ID, "auth-email").send_keys(account.email)
    browser.find_element(By.ID, "auth-password").send_keys(e2e.PASSWORD + Keys.ENTER)
    wait(browser).until(EC.visibility_of_element_located((By.ID, "app-view")))

    # A token the server no longer accepts (here: a forged one) makes the next call ask again.
    browser.execute_script(
        "const s = JSON.parse(sessionStorage.getItem('todo-chatbot.session'));"
        "s.access_token = s.access_token.slice(0, -4) + 'AAAA';"
        "sessionStorage.setItem('todo-chatbot.session', JSON.stringify(s));")
    browser.refresh()
    wait(browser).until(EC.visibility_of_element_located((By.ID, "auth-form")))
    assert "Log in again" in browser.find_element(By.ID, "auth-reason").text
    assert browser.find_element(By.ID, "auth-email").get_attribute("value") == account.email

    # Logging in again as the same user brings the screen back with a working token.
    browser.find_element(By.ID, "auth-password").send_keys(e2e.PASSWORD + Keys.ENTER)
    wait(browser).until(EC.visibility_of_element_located((By.ID, "app-view")))
    title = unique("After the new log-in")
    browser.find_element(By.ID, "new-task").click()
    browser.find_element(By.ID, "task-title").send_keys(title + Keys.ENTER)
    wait_for_task(browser, title)


def test_keyboard_and_screen_reader_basics(stack, browser):
    account = sign_up_api(stack)
    account.create_task(title=unique("Keyboard"))
    open_signed_in(browser, stack, account)

    unlabeled = browser.execute_script("""
        return [...document.querySelectorAll('input, select, textarea')]
          .filter(e => e.type !== 'hidden' && !e.labels.length && !e.getAttribute('aria-label'))
          .map(e => e.id || e.name);""")
    assert unlabeled == []
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys("n")
    wait(browser).until(EC.visibility_of_element_located((By.ID, "editor")))
    assert browser.switch_to.active_element.get_attribute("id") == "task-title"
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait(browser).until(EC.invisibility_of_element_located((By.ID, "editor")))
    # Focus returns to the page once the dialog has closed, which can trail its hiding under load.
    wait(browser).until(lambda b: b.switch_to.active_element.get_attribute("id") != "task-title")
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    assert browser.switch_to.active_element.get_attribute("id") == "filter-q"
    assert browser.find_element(By.ID, "chat-log").get_attribute("role") == "log"
    assert browser.find_element(By.ID, "sync-status").get_attribute("role") == "status"


def test_phone_sized_layout_has_no_horizontal_scrolling(stack, browser):
    account = sign_up_api(stack)
    account.create_task(title="A title long enough to wrap on a narrow phone screen " * 3, tags=["phone"],
                        priority="high", due_date=datetime.date.today().isoformat())
    browser.set_window_size(390, 844)
    open_signed_in(browser, stack, account)
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(browser, "08-phone")


def test_a_list_of_500_tasks_is_drawn_whole_and_its_paint_time_recorded(stack, browser):
    account = sign_up_api(stack)
    today = datetime.date.today()
    for n in range(500):
        account.create_task(title=f"Task {n:03}", priority=["none", "low", "high"][n % 3],
                            due_date=(today + datetime.timedelta(days=n % 40 - 5)).isoformat(), tags=[f"t{n % 7}"])
    open_signed_in(browser, stack, account)
    wait(browser).until(lambda b: b.execute_script("return performance.getEntriesByName('tasks-painted').length"))
    painted_ms = browser.execute_script("return performance.getEntriesByName('tasks-painted')[0].startTime")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#tasks li.task")) == 500
    timings = browser.execute_script("""
        return performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
          .map(e => `${e.name.replace(/^.*\\/\\/[^/]+/, '')} ${Math.round(e.startTime)}+${Math.round(e.duration)}`)""")
    # A measurement, not an assertion: timing depends on the machine's load (BENCHMARKS.md).
    print(f"first paint of 500 tasks: {painted_ms:.0f} ms; {timings[:3]}")
    screenshot(browser, "09-500-tasks")
