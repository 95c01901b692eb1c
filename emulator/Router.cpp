#include "Router.h"

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

void Router::add(QByteArray method, const QString &pattern, Area area, Handler handler,
                 QStringList apiVersions)
{
    Route route;
    route.method = std::move(method);
    route.pattern = pattern.split(u'/', Qt::SkipEmptyParts);
    route.area = area;
    route.handler = std::move(handler);
    route.apiVersions = std::move(apiVersions);
    m_routes.push_back(std::move(route));
}

QStringList Router::splitPath(QByteArrayView encodedPath)
{
    // Split before decoding, so that an encoded '/' (%2F) stays inside its segment.
    QStringList out;
    for (const QByteArray &part : encodedPath.toByteArray().split('/')) {
        if (!part.isEmpty())
            out.append(QUrl::fromPercentEncoding(part));
    }
    return out;
}

bool Router::matches(const Route &route, const QStringList &segments, QHash<QString, QString> *params)
{
    if (route.pattern.size() != segments.size())
        return false;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &p = route.pattern.at(i);
        if (p.startsWith(u'{')) {
            if (params)
                params->insert(p.mid(1, p.size() - 2), segments.at(i));
        } else if (p.compare(segments.at(i), Qt::CaseInsensitive) != 0) {
            // The live service treats provider and collection names case-insensitively.
            return false;
        }
    }
    return true;
}

Router::Match Router::match(const QByteArray &method, const QStringList &segments) const
{
    Match result;
    // The most literal route wins, so /environments/~default is not taken for a flow name.
    int bestLiterals = -1;
    for (const Route &route : m_routes) {
        if (!matches(route, segments, nullptr))
            continue;
        if (route.method != method) {
            if (!result.allowed.contains(route.method))
                result.allowed.append(route.method);
            continue;
        }
        int literals = 0;
        for (const QString &p : route.pattern)
            literals += p.startsWith(u'{') ? 0 : 1;
        if (literals > bestLiterals) {
            bestLiterals = literals;
            result.route = &route;
        }
    }
    if (result.route) {
        result.kind = Match::Found;
        matches(*result.route, segments, &result.params);
    } else if (!result.allowed.isEmpty()) {
        result.kind = Match::MethodNotAllowed;
    }
    return result;
}

} // namespace fc::emu
