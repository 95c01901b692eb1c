#include "FastRunParser.h"

#include "JsonParsers.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace fc::json {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// A body this large is parsed by a parser of its own, freed afterwards, so that a worker thread
// does not keep the memory of its largest page for good.
constexpr std::size_t kLargeBody = std::size_t{16} << 20;

struct TransparentHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

template <typename V>
using ByUtf8 = std::unordered_map<std::string, V, TransparentHash, std::equal_to<>>;

// Per thread: the parser, a padded copy of the body (simdjson reads up to SIMDJSON_PADDING bytes
// past the end), and the values that repeat across thousands of runs (status, code, trigger
// name), looked up by their UTF-8 bytes before anything is converted.
struct ThreadState
{
    simdjson::dom::parser parser;
    std::unique_ptr<char[]> buffer;
    std::size_t bufferSize = 0;
    ByUtf8<QString> strings;
    ByUtf8<RunStatus> statuses;

    const char *padded(const QByteArray &body)
    {
        const std::size_t needed = static_cast<std::size_t>(body.size()) + simdjson::SIMDJSON_PADDING;
        if (bufferSize < needed) {
            bufferSize = needed;
            buffer = std::make_unique<char[]>(needed);
        }
        std::memcpy(buffer.get(), body.constData(), static_cast<std::size_t>(body.size()));
        std::memset(buffer.get() + body.size(), 0, simdjson::SIMDJSON_PADDING);
        return buffer.get();
    }

    // parseRun's shared(): one QString for every equal non-empty value; null when empty.
    QString shared(std::string_view utf8)
    {
        if (utf8.empty())
            return {};
        const auto it = strings.find(utf8);
        if (it != strings.end())
            return it->second;
        QString value = QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
        if (strings.size() < 4096)
            strings.emplace(std::string(utf8), value);
        return value;
    }

    RunStatus status(std::string_view utf8)
    {
        const auto it = statuses.find(utf8);
        if (it != statuses.end())
            return it->second;
        const RunStatus value =
            runStatusFromName(QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size())));
        if (statuses.size() < 256)
            statuses.emplace(std::string(utf8), value);
        return value;
    }
};

thread_local ThreadState t_state;

// By value: value_unsafe() of a temporary result is a reference into that temporary.
simdjson::dom::object asObject(element e)
{
    simdjson::dom::object o = e.get_object().value_unsafe(); // called on objects only
    return o;
}

simdjson::dom::array asArray(element e)
{
    simdjson::dom::array a = e.get_array().value_unsafe(); // called on arrays only
    return a;
}

// One property as QJsonObject::value() sees it: the last of its name (QJsonDocument keeps the
// last of duplicate keys), or none.
struct Slot
{
    element value;
    bool present = false;

    void set(element e)
    {
        value = e;
        present = true;
    }
    bool isString() const { return present && value.type() == element_type::STRING; }
    bool isObject() const { return present && value.type() == element_type::OBJECT; }
    std::string_view string() const { return value.get_string().value_unsafe(); }
};

// str(): the string, or a null QString when absent or not a string.
QString toQString(const Slot &slot)
{
    if (!slot.isString())
        return {};
    const std::string_view s = slot.string();
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

int digits(std::string_view s, std::size_t pos, std::size_t count, bool *ok)
{
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9') {
            *ok = false;
            return 0;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// parseTimeMs's fast path, on the UTF-8 bytes: the same checks, in the same order. Every byte
// it accepts is ASCII, so byte positions are parseTimeMs's UTF-16 positions; whatever it does not
// accept goes to parseTimeMs itself.
qint64 timeMs(const Slot &slot)
{
    if (!slot.isString())
        return 0;
    const std::string_view s = slot.string();
    const std::size_t n = s.size();
    if (n >= 20 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == ' ') && s[13] == ':' &&
        s[16] == ':' && s.back() == 'Z') {
        bool ok = true;
        const int year = digits(s, 0, 4, &ok), month = digits(s, 5, 2, &ok), day = digits(s, 8, 2, &ok);
        const int hour = digits(s, 11, 2, &ok), minute = digits(s, 14, 2, &ok),
                  second = digits(s, 17, 2, &ok);
        int millis = 0;
        if (n > 20) {
            if (s[19] != '.')
                ok = false;
            const std::size_t fracLen = n - 21;
            if (fracLen == 0 || fracLen > 9)
                ok = false;
            else
                millis = digits(s, 20, std::min<std::size_t>(fracLen, 3), &ok) * (fracLen == 1   ? 100
                                                                                  : fracLen == 2 ? 10
                                                                                                 : 1);
            if (ok && fracLen > 3)
                digits(s, 23, fracLen - 3, &ok);
        }
        if (ok && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 &&
            second < 61)
            return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60000LL + second * 1000LL +
                   millis;
    }
    return parseTimeMs(QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())));
}

// Whether the document holds a floating-point zero anywhere: QJsonDocument rejects a number
// that underflows (1e-400) where simdjson reads 0.0, and the two cannot be told apart here.
bool hasFloatZero(element e)
{
    switch (e.type()) {
    case element_type::ARRAY:
        for (const element item : asArray(e))
            if (hasFloatZero(item))
                return true;
        return false;
    case element_type::OBJECT:
        for (const auto field : asObject(e))
            if (hasFloatZero(field.value))
                return true;
        return false;
    case element_type::DOUBLE:
        return e.get_double().value_unsafe() == 0.0;
    default:
        return false;
    }
}

FlowRun parseRun(ThreadState &state, element run)
{
    Slot name, properties;
    for (const auto field : asObject(run)) {
        if (field.key == "name")
            name.set(field.value);
        else if (field.key == "properties")
            properties.set(field.value);
    }
    Slot startTime, endTime, status, code, trigger, correlation;
    if (properties.isObject()) {
        for (const auto field : asObject(properties.value)) {
            const std::string_view key = field.key;
            if (key == "startTime")
                startTime.set(field.value);
            else if (key == "endTime")
                endTime.set(field.value);
            else if (key == "status")
                status.set(field.value);
            else if (key == "code")
                code.set(field.value);
            else if (key == "trigger")
                trigger.set(field.value);
            else if (key == "correlation")
                correlation.set(field.value);
        }
    }
    Slot triggerName, originHistoryName, clientTrackingId;
    if (trigger.isObject()) {
        for (const auto field : asObject(trigger.value)) {
            if (field.key == "name")
                triggerName.set(field.value);
            else if (field.key == "originHistoryName")
                originHistoryName.set(field.value);
        }
    }
    if (correlation.isObject()) {
        for (const auto field : asObject(correlation.value)) {
            if (field.key == "clientTrackingId")
                clientTrackingId.set(field.value);
        }
    }

    FlowRun r;
    r.name = toQString(name);
    r.startMs = timeMs(startTime);
    r.endMs = timeMs(endTime);
    r.status = state.status(status.isString() ? status.string() : std::string_view());
    r.code = code.isString() ? state.shared(code.string()) : QString();
    r.triggerName = triggerName.isString() ? state.shared(triggerName.string()) : QString();
    r.originRun = toQString(originHistoryName);
    r.correlationId = toQString(clientTrackingId);
    return r;
}

} // namespace

Result<Page<FlowRun>> parseRunPageFast(const QByteArray &body)
{
    ThreadState &state = t_state;
    const auto size = static_cast<std::size_t>(body.size());
    std::unique_ptr<simdjson::dom::parser> ownParser;
    std::unique_ptr<simdjson::padded_string> ownCopy;
    simdjson::dom::parser *parser = &state.parser;
    const char *padded = nullptr;
    if (size > kLargeBody) {
        ownParser = std::make_unique<simdjson::dom::parser>();
        parser = ownParser.get();
        ownCopy = std::make_unique<simdjson::padded_string>(body.constData(), size);
        padded = ownCopy->data();
    } else {
        padded = state.padded(body);
    }
    element root;
    if (parser->parse(padded, size, false).get(root) || root.type() != element_type::OBJECT ||
        hasFloatZero(root))
        return parseRunPage(body); // its error, or its answer where QJsonDocument is more lenient

    Slot value, nextLink, odataNextLink;
    for (const auto field : asObject(root)) {
        if (field.key == "value")
            value.set(field.value);
        else if (field.key == "nextLink")
            nextLink.set(field.value);
        else if (field.key == "@odata.nextLink")
            odataNextLink.set(field.value);
    }
    if (!value.present || value.value.type() != element_type::ARRAY)
        return parseRunPage(body); // "The answer has no "value" list."

    Page<FlowRun> page;
    const simdjson::dom::array runs = asArray(value.value);
    page.items.reserve(static_cast<qsizetype>(runs.size()));
    for (const element run : runs) {
        if (run.type() == element_type::OBJECT) // anything else is skipped, as parsePage does
            page.items.append(parseRun(state, run));
    }
    page.nextLink = toQString(nextLink);
    if (page.nextLink.isEmpty())
        page.nextLink = toQString(odataNextLink);
    return page;
}

} // namespace fc::json
