#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace fc::emu {

// What makes a request body invalid JSON that QJsonDocument lets through: a raw control
// character (U+0000–U+001F) inside a string, which RFC 8259 §7 says must be escaped, or one
// outside a string that is not whitespace. Nothing when the body has neither.
std::optional<QString> strictJsonProblem(QByteArrayView body);

// A request body as the management APIs read one: strict JSON (above) that is an object.
// Otherwise nothing, and `problem` says what is wrong (for a 400 InvalidRequestContent).
std::optional<QJsonObject> parseJsonObjectBody(const QByteArray &body, QString *problem);

} // namespace fc::emu
