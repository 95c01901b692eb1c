#include "GraphApi.h"

#include "Directory.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
constexpr int kMaxInValues = 15;
constexpr int kMaxClauses = 32;

Response graphError(int status, const QString &code, const QString &message)
{
    return Response::error(status, code, message);
}

// A cursor over a $filter text: the few tokens its grammar needs.
class FilterText
{
public:
    explicit FilterText(const QString &text) : m_text(text) {}

    bool atEnd()
    {
        skipSpace();
        return m_pos >= m_text.size();
    }
    // A case-insensitive keyword or punctuation, consumed when it is next.
    bool take(QLatin1StringView token)
    {
        skipSpace();
        if (QStringView(m_text).mid(m_pos, token.size()).compare(token, Qt::CaseInsensitive) != 0)
            return false;
        // A keyword ends where a word ends: "or" is not the start of "orders".
        const qsizetype end = m_pos + token.size();
        if (QChar(token.back()).isLetter() && end < m_text.size() &&
            (m_text.at(end).isLetterOrNumber() || m_text.at(end) == u'_'))
            return false;
        m_pos = end;
        return true;
    }
    std::optional<QString> identifier()
    {
        skipSpace();
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && (m_text.at(m_pos).isLetterOrNumber() || m_text.at(m_pos) == u'_'))
            ++m_pos;
        if (m_pos == start)
            return std::nullopt;
        return m_text.mid(start, m_pos - start);
    }
    // 'text' with '' for a quote inside.
    std::optional<QString> quoted()
    {
        skipSpace();
        if (m_pos >= m_text.size() || m_text.at(m_pos) != u'\'')
            return std::nullopt;
        QString out;
        for (qsizetype i = m_pos + 1; i < m_text.size(); ++i) {
            if (m_text.at(i) != u'\'') {
                out.append(m_text.at(i));
            } else if (i + 1 < m_text.size() && m_text.at(i + 1) == u'\'') {
                out.append(u'\'');
                ++i;
            } else {
                m_pos = i + 1;
                return out;
            }
        }
        return std::nullopt; // unterminated
    }

private:
    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }
    const QString &m_text;
    qsizetype m_pos = 0;
};

std::optional<int> graphTop(const Request &req, Response *error)
{
    if (!req.hasQuery(u"$top"_s))
        return 100;
    bool ok = false;
    const int top = req.queryValue(u"$top"_s).toInt(&ok);
    if (!ok || top < 1 || top > 999) {
        *error = graphError(400, u"Request_BadRequest"_s,
                            u"Invalid value for '$top': it must be between 1 and 999."_s);
        return std::nullopt;
    }
    return top;
}

QString mailNickname(const DirectoryGroup &g)
{
    return g.mail.isEmpty() ? QString(g.displayName).remove(u' ').toLower() : g.mail.section(u'@', 0, 0);
}

QJsonObject userJson(const DirectoryUser &u)
{
    return QJsonObject{{u"id"_s, u.id},
                       {u"displayName"_s, u.displayName},
                       {u"mail"_s, u.mail},
                       {u"userPrincipalName"_s, u.upn},
                       {u"jobTitle"_s, u.jobTitle},
                       {u"givenName"_s, u.displayName.section(u' ', 0, 0)},
                       {u"surname"_s, u.displayName.section(u' ', 1)},
                       {u"accountEnabled"_s, u.accountEnabled}};
}

QJsonObject groupJson(const DirectoryGroup &g)
{
    return QJsonObject{{u"id"_s, g.id},
                       {u"displayName"_s, g.displayName},
                       {u"mail"_s, g.mail},
                       {u"mailNickname"_s, mailNickname(g)},
                       {u"description"_s, g.description},
                       {u"securityEnabled"_s, true},
                       {u"mailEnabled"_s, !g.mail.isEmpty()}};
}

// $select=id,displayName: only those properties (names compare case-insensitively, as in Graph).
QJsonObject selected(const QJsonObject &object, const Request &req)
{
    if (!req.hasQuery(u"$select"_s))
        return object;
    QJsonObject out;
    for (const QString &name : req.queryValue(u"$select"_s).split(u',', Qt::SkipEmptyParts)) {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().compare(name.trimmed(), Qt::CaseInsensitive) == 0)
                out.insert(it.key(), it.value());
        }
    }
    return out;
}

bool matches(const QList<GraphClause> &clauses, const QJsonObject &object)
{
    if (clauses.isEmpty())
        return true;
    const auto valueOf = [&object](const QString &property) {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().compare(property, Qt::CaseInsensitive) == 0)
                return it.value().isBool() ? QString(it.value().toBool() ? u"true"_s : u"false"_s)
                                           : it.value().toString();
        }
        return QString();
    };
    for (const GraphClause &c : clauses) {
        const QString value = valueOf(c.property);
        for (const QString &wanted : c.values) {
            const bool hit = c.op == GraphClause::Op::StartsWith
                                 ? value.startsWith(wanted, Qt::CaseInsensitive)
                                 : value.compare(wanted, Qt::CaseInsensitive) == 0;
            if (hit)
                return true;
        }
    }
    return false;
}

std::optional<QList<GraphClause>> filterOf(const Request &req, const QStringList &properties,
                                           const QStringList &booleans, Response *error)
{
    if (!req.hasQuery(u"$filter"_s))
        return QList<GraphClause>{};
    QString problem;
    auto clauses = parseGraphFilter(req.queryValue(u"$filter"_s), properties, booleans, &problem);
    if (!clauses)
        *error = graphError(400, u"Request_UnsupportedQuery"_s, problem);
    return clauses;
}
} // namespace

std::optional<QList<GraphClause>> parseGraphFilter(const QString &filter, const QStringList &properties,
                                                   const QStringList &booleanProperties, QString *problem)
{
    FilterText text(filter);
    QList<GraphClause> out;
    const auto fail = [&](const QString &why) {
        *problem = QString(u"Unsupported query: '"_s + filter.trimmed() + u"'. "_s + why);
        return std::nullopt;
    };
    const auto known = [&](const QString &p) {
        return properties.contains(p, Qt::CaseInsensitive) ||
               booleanProperties.contains(p, Qt::CaseInsensitive);
    };
    const QString usage =
        u"Use startswith(property,'…'), property eq '…' or property in ('…','…'), joined with or."_s;
    do {
        if (out.size() == kMaxClauses)
            return fail(QString(u"At most "_s + QString::number(kMaxClauses) + u" clauses."_s));
        GraphClause clause;
        if (text.take("startswith("_L1)) {
            const auto property = text.identifier();
            const bool comma = property && text.take(","_L1);
            const auto value = comma ? text.quoted() : std::nullopt;
            if (!value || !text.take(")"_L1))
                return fail(usage);
            if (!properties.contains(*property, Qt::CaseInsensitive))
                return fail(QString(u"startswith does not apply to '"_s + *property + u"'."_s));
            clause = {GraphClause::Op::StartsWith, *property, {*value}};
        } else {
            const auto property = text.identifier();
            if (!property)
                return fail(usage);
            if (!known(*property))
                return fail(QString(u"The property '"_s + *property + u"' cannot be filtered on."_s));
            const bool boolean = booleanProperties.contains(*property, Qt::CaseInsensitive);
            if (text.take("eq"_L1)) {
                if (boolean) {
                    const bool isTrue = text.take("true"_L1);
                    if (!isTrue && !text.take("false"_L1))
                        return fail(QString(u"'"_s + *property + u"' takes true or false."_s));
                    clause = {GraphClause::Op::Equals, *property, {isTrue ? u"true"_s : u"false"_s}};
                } else {
                    const auto value = text.quoted();
                    if (!value)
                        return fail(usage);
                    clause = {GraphClause::Op::Equals, *property, {*value}};
                }
            } else if (!boolean && text.take("in"_L1) && text.take("("_L1)) {
                QStringList values;
                do {
                    const auto value = text.quoted();
                    if (!value)
                        return fail(usage);
                    values.append(*value);
                } while (text.take(","_L1));
                if (!text.take(")"_L1))
                    return fail(usage);
                if (values.size() > kMaxInValues)
                    return fail(
                        QString(u"An 'in' takes at most "_s + QString::number(kMaxInValues) + u" values."_s));
                clause = {GraphClause::Op::In, *property, values};
            } else {
                return fail(usage);
            }
        }
        out.append(clause);
    } while (text.take("or"_L1));
    if (!text.atEnd())
        return fail(usage);
    return out;
}

void GraphApi::registerRoutes(Router &router)
{
    router.add("GET", u"v1.0/users"_s, Area::Graph, [this](Request &r) { return users(r); });
    router.add("GET", u"v1.0/groups"_s, Area::Graph, [this](Request &r) { return groups(r); });
    router.add("GET", u"v1.0/users/{id}"_s, Area::Graph,
               [this](Request &r) { return user(r, r.param(u"id"_s)); });
    router.add("GET", u"v1.0/me"_s, Area::Graph, [this](Request &r) { return user(r, r.caller.id); });
    router.add("GET", u"v1.0/groups/{id}"_s, Area::Graph, [this](Request &r) { return group(r); });
}

Response GraphApi::users(Request &req)
{
    Response error;
    const auto clauses = filterOf(
        req, {u"id"_s, u"displayName"_s, u"mail"_s, u"userPrincipalName"_s, u"givenName"_s, u"surname"_s},
        {u"accountEnabled"_s}, &error);
    const auto top = clauses ? graphTop(req, &error) : std::nullopt;
    if (!top)
        return error;
    QJsonArray value;
    for (const DirectoryUser &u : m_directory.users()) {
        const QJsonObject json = userJson(u);
        if (value.size() < *top && matches(*clauses, json))
            value.append(selected(json, req));
    }
    return Response::json(
        QJsonObject{{u"@odata.context"_s, QString(m_baseUrl.toString() + u"/v1.0/$metadata#users"_s)},
                    {u"value"_s, value}});
}

Response GraphApi::groups(Request &req)
{
    Response error;
    const auto clauses = filterOf(req, {u"id"_s, u"displayName"_s, u"mail"_s, u"mailNickname"_s}, {}, &error);
    const auto top = clauses ? graphTop(req, &error) : std::nullopt;
    if (!top)
        return error;
    QJsonArray value;
    for (const DirectoryGroup &g : m_directory.groups()) {
        const QJsonObject json = groupJson(g);
        if (value.size() < *top && matches(*clauses, json))
            value.append(selected(json, req));
    }
    return Response::json(
        QJsonObject{{u"@odata.context"_s, QString(m_baseUrl.toString() + u"/v1.0/$metadata#groups"_s)},
                    {u"value"_s, value}});
}

Response GraphApi::user(Request &req, const QString &idOrUpn)
{
    auto u = m_directory.userById(idOrUpn);
    if (!u)
        u = m_directory.userByUpn(idOrUpn);
    if (!u)
        return graphError(
            404, u"Request_ResourceNotFound"_s,
            QString(u"Resource '"_s + idOrUpn +
                    u"' does not exist or one of its queried reference-property objects are not present."_s));
    return Response::json(selected(userJson(*u), req));
}

Response GraphApi::group(Request &req)
{
    const auto g = m_directory.groupById(req.param(u"id"_s));
    if (!g)
        return graphError(404, u"Request_ResourceNotFound"_s,
                          QString(u"Resource '"_s + req.param(u"id"_s) + u"' does not exist."_s));
    return Response::json(selected(groupJson(*g), req));
}

} // namespace fc::emu
