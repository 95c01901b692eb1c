// libFuzzer target over every response parser of fc_core. The first byte picks the parser,
// the rest is the body as a server would send it. Any crash, leak or sanitizer report fails,
// and so does any body on which parseRunPageFast (simdjson) and parseRunPage disagree.
#include "api/FastRunParser.h"
#include "api/JsonParsers.h"
#include "auth/OAuth.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

// The same runs field for field and the same nextLink, or the same error.
bool sameRunPage(const fc::Result<fc::Page<fc::FlowRun>> &a, const fc::Result<fc::Page<fc::FlowRun>> &b)
{
    if (a.ok() != b.ok())
        return false;
    if (!a.ok())
        return a.error().kind == b.error().kind && a.error().message == b.error().message;
    if (a->nextLink != b->nextLink || a->items.size() != b->items.size())
        return false;
    for (qsizetype i = 0; i < a->items.size(); ++i) {
        const fc::FlowRun &x = a->items[i], &y = b->items[i];
        if (x.name != y.name || x.startMs != y.startMs || x.endMs != y.endMs || x.status != y.status ||
            x.code != y.code || x.triggerName != y.triggerName || x.correlationId != y.correlationId ||
            x.originRun != y.originRun)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    namespace json = fc::json;
    switch (data[0] % 13) {
    case 0:
        (void)json::parseEnvironmentPage(body);
        break;
    case 1:
        (void)json::parseFlowPage(body);
        break;
    case 2:
        if (!sameRunPage(json::parseRunPage(body), json::parseRunPageFast(body)))
            std::abort();
        break;
    case 3:
        (void)json::parseRunActionPage(body);
        break;
    case 4:
        (void)json::parseTriggerPage(body);
        break;
    case 5:
        (void)json::parseOwnerPage(body);
        break;
    case 6:
        (void)json::parseDirectoryPage(body, fc::PrincipalType::User);
        break;
    case 7:
        (void)json::parseConnectorPage(body);
        break;
    case 8:
        (void)json::parseConnectionPage(body);
        break;
    case 9:
        (void)json::parseCallbackUrl(body);
        break;
    case 10: {
        QString code, message;
        json::parseErrorBody(body, &code, &message);
        break;
    }
    case 11:
        (void)fc::oauth::parseTokenResponse(body, 0);
        break;
    case 12: {
        auto object = json::parseObject(body);
        if (object) {
            (void)json::parseFlow(object.value());
            (void)json::parseRunDetails(object.value());
        }
        (void)json::parseTimeMs(QString::fromUtf8(body));
        break;
    }
    }
    return 0;
}
