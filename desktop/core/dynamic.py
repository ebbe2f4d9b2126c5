"""Postman's dynamic variables (`{{$guid}}`, `{{$timestamp}}`, `{{$randomEmail}}`...): a fresh plausible value each time."""
from __future__ import annotations

import random
import string
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

DYNAMIC_PREFIX = "$"

_FIRST = ["Anna", "Boris", "Chloe", "Daniel", "Elena", "Frank", "Grace", "Ivan", "Julia", "Kevin", "Maria", "Oleg"]
_LAST = ["Smith", "Ivanova", "Brown", "Petrov", "Garcia", "Miller", "Sokolova", "Wilson", "Novak", "Taylor"]
_WORDS = ["alpha", "river", "orbit", "maple", "signal", "harbor", "copper", "lumen", "vector", "meadow", "pixel", "summit"]
_CITIES = ["Berlin", "Kazan", "Lisbon", "Toronto", "Osaka", "Austin", "Tbilisi", "Porto"]
_COUNTRIES = [("Germany", "DE"), ("Portugal", "PT"), ("Canada", "CA"), ("Japan", "JP"), ("Georgia", "GE")]
_COLORS = ["red", "green", "blue", "violet", "orange", "teal", "silver", "maroon"]
_DOMAINS = ["com", "net", "org", "info", "biz"]
_CURRENCIES = [("USD", "US Dollar", "$"), ("EUR", "Euro", "€"), ("GBP", "Pound Sterling", "£"), ("JPY", "Yen", "¥")]
_JOBS = ["Engineer", "Designer", "Manager", "Analyst", "Consultant", "Specialist"]
_MIMES = ["application/json", "text/plain", "image/png", "application/pdf", "text/csv"]
_EXTENSIONS = ["json", "txt", "png", "pdf", "csv"]


def _pick(items: list) -> Callable[[], str]:
    return lambda: str(random.choice(items))


def _iso(offset_days: float) -> str:
    moment = datetime.now(timezone.utc) + timedelta(days=offset_days)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _alnum(n: int) -> str:
    return "".join(random.choices(string.ascii_lowercase + string.digits, k=n))


def _word() -> str:
    return random.choice(_WORDS)


def _email() -> str:
    return f"{random.choice(_FIRST)}.{random.choice(_LAST)}{random.randint(1, 99)}@example.{random.choice(_DOMAINS)}"


GENERATORS: dict[str, Callable[[], str]] = {
    "guid": lambda: str(uuid.uuid4()),
    "randomUUID": lambda: str(uuid.uuid4()),
    "timestamp": lambda: str(int(time.time())),
    "isoTimestamp": lambda: _iso(0),
    "randomInt": lambda: str(random.randint(0, 1000)),
    "randomAlphaNumeric": lambda: _alnum(1),
    "randomBoolean": lambda: random.choice(["true", "false"]),
    "randomColor": _pick(_COLORS),
    "randomHexColor": lambda: "#%06x" % random.randrange(0x1000000),
    "randomAbbreviation": _pick(["SQL", "HTTP", "JSON", "SMTP", "XML", "TCP"]),
    "randomIP": lambda: ".".join(str(random.randint(1, 254)) for _ in range(4)),
    "randomIPV6": lambda: ":".join("%x" % random.randrange(0x10000) for _ in range(8)),
    "randomMACAddress": lambda: ":".join("%02x" % random.randrange(256) for _ in range(6)),
    "randomPassword": lambda: _alnum(15),
    "randomLocale": _pick(["en", "ru", "de", "fr", "es", "pt"]),
    "randomUserAgent": _pick(["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"]),
    "randomProtocol": _pick(["http", "https"]),
    "randomSemver": lambda: f"{random.randint(0, 9)}.{random.randint(0, 9)}.{random.randint(0, 9)}",
    "randomFirstName": _pick(_FIRST),
    "randomLastName": _pick(_LAST),
    "randomFullName": lambda: f"{random.choice(_FIRST)} {random.choice(_LAST)}",
    "randomNamePrefix": _pick(["Mr.", "Ms.", "Mrs.", "Dr."]),
    "randomNameSuffix": _pick(["Jr.", "Sr.", "I", "II", "MD"]),
    "randomJobArea": _pick(["Marketing", "Security", "Research", "Support"]),
    "randomJobDescriptor": _pick(["Senior", "Lead", "Chief", "Junior"]),
    "randomJobTitle": lambda: f"{random.choice(['Senior', 'Lead', 'Junior'])} {random.choice(_JOBS)}",
    "randomJobType": _pick(_JOBS),
    "randomPhoneNumber": lambda: f"{random.randint(200, 999)}-{random.randint(200, 999)}-{random.randint(1000, 9999)}",
    "randomPhoneNumberExt": lambda: f"{random.randint(1, 99)}-{random.randint(200, 999)}-{random.randint(200, 999)}-{random.randint(1000, 9999)}",
    "randomCity": _pick(_CITIES),
    "randomStreetName": lambda: f"{random.choice(_LAST)} Street",
    "randomStreetAddress": lambda: f"{random.randint(1, 9999)} {random.choice(_LAST)} Street",
    "randomCountry": lambda: random.choice(_COUNTRIES)[0],
    "randomCountryCode": lambda: random.choice(_COUNTRIES)[1],
    "randomLatitude": lambda: f"{random.uniform(-90, 90):.4f}",
    "randomLongitude": lambda: f"{random.uniform(-180, 180):.4f}",
    "randomEmail": _email,
    "randomExampleEmail": _email,
    "randomUserName": lambda: f"{random.choice(_FIRST)}.{random.choice(_LAST)}{random.randint(1, 99)}",
    "randomUrl": lambda: f"https://{_word()}.{random.choice(_DOMAINS)}",
    "randomDomainName": lambda: f"{_word()}.{random.choice(_DOMAINS)}",
    "randomDomainSuffix": _pick(_DOMAINS),
    "randomDomainWord": _word,
    "randomWord": _word,
    "randomWords": lambda: " ".join(random.choices(_WORDS, k=3)),
    "randomNoun": _word,
    "randomVerb": _pick(["connect", "parse", "index", "compress", "navigate"]),
    "randomIngverb": _pick(["connecting", "parsing", "indexing", "compressing"]),
    "randomAdjective": _pick(["quick", "quiet", "bright", "solid", "open"]),
    "randomLoremWord": _pick(["lorem", "ipsum", "dolor", "sit", "amet"]),
    "randomLoremWords": lambda: " ".join(random.choices(["lorem", "ipsum", "dolor", "sit", "amet"], k=3)),
    "randomLoremSentence": lambda: "Lorem ipsum dolor sit amet.",
    "randomLoremSentences": lambda: "Lorem ipsum dolor sit amet. Consectetur adipiscing elit.",
    "randomLoremParagraph": lambda: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor.",
    "randomLoremParagraphs": lambda: "Lorem ipsum dolor sit amet.\n \rConsectetur adipiscing elit.",
    "randomLoremText": lambda: "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
    "randomLoremSlug": lambda: "-".join(random.choices(["lorem", "ipsum", "dolor", "sit"], k=3)),
    "randomLoremLines": lambda: "Lorem ipsum\nDolor sit amet",
    "randomPrice": lambda: f"{random.uniform(1, 1000):.2f}",
    "randomBankAccount": lambda: "".join(random.choices(string.digits, k=8)),
    "randomBankAccountName": _pick(["Savings Account", "Checking Account", "Money Market Account"]),
    "randomBankAccountIban": lambda: "DE" + "".join(random.choices(string.digits, k=20)),
    "randomBankAccountBic": _pick(["DEUTDEFF", "COBADEFF", "BNPAFRPP"]),
    "randomCreditCardMask": lambda: "".join(random.choices(string.digits, k=4)),
    "randomTransactionType": _pick(["deposit", "withdrawal", "payment", "invoice"]),
    "randomCurrencyCode": lambda: random.choice(_CURRENCIES)[0],
    "randomCurrencyName": lambda: random.choice(_CURRENCIES)[1],
    "randomCurrencySymbol": lambda: random.choice(_CURRENCIES)[2],
    "randomBitcoin": lambda: "1" + _alnum(30),
    "randomCompanyName": lambda: f"{random.choice(_LAST)} {random.choice(['LLC', 'Group', 'Inc'])}",
    "randomCompanySuffix": _pick(["LLC", "Group", "Inc"]),
    "randomCatchPhrase": lambda: "Reactive mission-critical interface",
    "randomBs": lambda: "synergize scalable e-markets",
    "randomDateFuture": lambda: _iso(random.uniform(1, 365)),
    "randomDatePast": lambda: _iso(-random.uniform(1, 365)),
    "randomDateRecent": lambda: _iso(-random.uniform(0, 1)),
    "randomWeekday": _pick(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    "randomMonth": _pick(["January", "March", "May", "July", "September", "November"]),
    "randomFileName": lambda: f"{_word()}.{random.choice(_EXTENSIONS)}",
    "randomFileType": _pick(["application", "image", "text", "video"]),
    "randomFileExt": _pick(_EXTENSIONS),
    "randomCommonFileName": lambda: f"{_word()}.{random.choice(_EXTENSIONS)}",
    "randomCommonFileType": _pick(["application", "image", "text"]),
    "randomCommonFileExt": _pick(_EXTENSIONS),
    "randomFilePath": lambda: f"/home/{_word()}/{_word()}.{random.choice(_EXTENSIONS)}",
    "randomDirectoryPath": lambda: f"/usr/{_word()}",
    "randomMimeType": _pick(_MIMES),
    "randomImage": lambda: "http://placeimg.com/640/480",
    "randomAvatarImage": lambda: "https://example.com/avatar.jpg",
    "randomImageUrl": lambda: "http://placeimg.com/640/480",
    "randomImageDataUri": lambda: "data:image/svg+xml;charset=UTF-8,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E",
    "randomProduct": _pick(["Chair", "Table", "Shoes", "Keyboard"]),
    "randomProductName": lambda: f"{random.choice(['Small', 'Sleek', 'Rustic'])} {random.choice(['Chair', 'Table', 'Shoes'])}",
    "randomProductAdjective": _pick(["Small", "Sleek", "Rustic", "Handmade"]),
    "randomProductMaterial": _pick(["Steel", "Wooden", "Cotton", "Granite"]),
    "randomDepartment": _pick(["Books", "Garden", "Toys", "Music"]),
    "randomDatabaseColumn": _pick(["id", "title", "email", "createdAt"]),
    "randomDatabaseType": _pick(["int", "varchar", "text", "timestamp"]),
    "randomDatabaseCollation": _pick(["utf8_unicode_ci", "utf8_general_ci"]),
    "randomDatabaseEngine": _pick(["InnoDB", "MyISAM", "MEMORY"]),
}


def dynamic_value(name: str) -> str | None:
    """A value for `$name`, or None when Postman has no such dynamic variable (then it is asked for, as any other)."""
    generator = GENERATORS.get(name[len(DYNAMIC_PREFIX):]) if name.startswith(DYNAMIC_PREFIX) else None
    return generator() if generator is not None else None
