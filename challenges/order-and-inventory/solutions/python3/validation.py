"""Request validation: every rule of the prompt, each failure a 400 naming the field."""
import re

from errors import HttpError

SKU = re.compile(r"[A-Za-z0-9_-]{1,64}")
CUSTOMER = SKU
IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,255}")  # visible ASCII, as header values allow without quoting
MAX_ITEMS = 50


def is_int(value, low, high):
    return type(value) is int and low <= value <= high  # bool is an int subclass; JSON true is not a number


def invalid(field, message):
    return HttpError(400, "validation_failed", f"{field}: {message}", field=field)


def require_object(body):
    if not isinstance(body, dict):
        raise HttpError(400, "invalid_json", "body must be a JSON object")
    return body


def check_sku(sku):
    if not SKU.fullmatch(sku):
        raise invalid("sku", "must be 1-64 characters from A-Z a-z 0-9 _ -")
    return sku


def parse_product(sku, body):
    body = require_object(body)
    name, price, stock = body.get("name"), body.get("priceCents"), body.get("stock")
    if not isinstance(name, str) or not name.strip() or len(name) > 200:
        raise invalid("name", "must be a non-empty string of at most 200 characters")
    if not is_int(price, 0, 1_000_000_000):
        raise invalid("priceCents", "must be a whole number from 0 to 1000000000")
    if not is_int(stock, 0, 1_000_000_000):
        raise invalid("stock", "must be a whole number from 0 to 1000000000")
    return {"sku": check_sku(sku), "name": name, "priceCents": price, "stock": stock}


def parse_idempotency_key(value):
    if value is None:
        raise HttpError(400, "missing_idempotency_key", "POST /orders needs an Idempotency-Key header")
    if not IDEMPOTENCY_KEY.fullmatch(value):
        raise invalid("Idempotency-Key", "must be 1-255 visible ASCII characters")
    return value


def parse_order(body):
    body = require_object(body)
    customer_id, items = body.get("customerId"), body.get("items")
    if not isinstance(customer_id, str) or not CUSTOMER.fullmatch(customer_id):
        raise invalid("customerId", "must be 1-64 characters from A-Z a-z 0-9 _ -")
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_ITEMS:
        raise invalid("items", f"must be an array of 1-{MAX_ITEMS} items")
    parsed, seen = [], set()
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise invalid(f"items[{i}]", "must be an object")
        sku, quantity = item.get("sku"), item.get("quantity")
        if not isinstance(sku, str) or not SKU.fullmatch(sku):
            raise invalid(f"items[{i}].sku", "must be 1-64 characters from A-Z a-z 0-9 _ -")
        if not is_int(quantity, 1, 1000):
            raise invalid(f"items[{i}].quantity", "must be a whole number from 1 to 1000")
        if sku in seen:
            raise invalid(f"items[{i}].sku", "each sku may appear only once per order")
        seen.add(sku)
        parsed.append({"sku": sku, "quantity": quantity})
    return {"customerId": customer_id, "items": parsed}


def parse_list_query(params):
    customer_id = params.get("customerId")
    if customer_id is not None and not CUSTOMER.fullmatch(customer_id):
        raise invalid("customerId", "must be 1-64 characters from A-Z a-z 0-9 _ -")
    raw_limit = params.get("limit", "20")
    if not re.fullmatch(r"[0-9]{1,3}", raw_limit) or not 1 <= int(raw_limit) <= 100:
        raise invalid("limit", "must be a whole number from 1 to 100")
    return {"customer_id": customer_id, "limit": int(raw_limit), "cursor": params.get("cursor")}
