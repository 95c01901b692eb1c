#include "StrictJson.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

std::optional<QString> strictJsonProblem(QByteArrayView body)
{
    bool inString = false;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const auto c = static_cast<unsigned char>(body[i]);
        if (inString) {
            if (c == '\\')
                ++i; // the escaped character, whatever it is, is the escape's business
            else if (c == '"')
                inString = false;
            else if (c < 0x20)
                return QString(u"The request content is not valid JSON: the control character U+"_s +
                               QString::number(c, 16).rightJustified(4, u'0').toUpper() +
                               u" must be escaped inside a string (offset "_s + QString::number(i) + u")."_s);
        } else if (c == '"') {
            inString = true;
        } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            return QString(u"The request content is not valid JSON: the control character U+"_s +
                           QString::number(c, 16).rightJustified(4, u'0').toUpper() + u" at offset "_s +
                           QString::number(i) + u" is not whitespace."_s);
        }
    }
    return std::nullopt;
}

std::optional<QJsonObject> parseJsonObjectBody(const QByteArray &body, QString *problem)
{
    if (auto strict = strictJsonProblem(body)) {
        *problem = std::move(*strict);
        return std::nullopt;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *problem = QString(u"The request content is not valid JSON: "_s + parseError.errorString() +
                           u" at offset "_s + QString::number(parseError.offset) + u'.');
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *problem = u"The request content must be a JSON object."_s;
        return std::nullopt;
    }
    return doc.object();
}

} // namespace fc::emu
