#pragma once

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVirtualObject>
#include <QMap>
#include <QSet>
#include <QStringList>

// The Secret Service wire struct (oayays): session, algorithm parameters, value, content type.
struct FakeSecret
{
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};
Q_DECLARE_METATYPE(FakeSecret)
using FakeSecretsByItem = QMap<QDBusObjectPath, FakeSecret>;
Q_DECLARE_METATYPE(FakeSecretsByItem)

QDBusArgument &operator<<(QDBusArgument &argument, const FakeSecret &secret);
const QDBusArgument &operator>>(const QDBusArgument &argument, FakeSecret &secret);

// A small in-memory Secret Service (org.freedesktop.secrets at /org/freedesktop/secrets) on the
// session bus of this process, for tests that run in their own bus (dbus-run-session) without
// gnome-keyring. It speaks what libsecret's password calls need, and no more: the "plain" session
// (the encrypted one is refused as NotSupported, and libsecret falls back), SearchItems,
// GetSecrets, Unlock, ReadAlias, Collection.CreateItem, Item.Delete, Item.GetSecret and an empty
// Properties.GetAll.
//
// It answers at once, except the next call of each method named by answerLate(): that one gets
// its answer (a success, or a D-Bus error) only after a delay, as a keychain does that waits for
// the user to create or unlock a keyring.
class FakeSecretService : public QDBusVirtualObject
{
    Q_OBJECT
public:
    enum class LateAnswer { Success, Error };
    Q_ENUM(LateAnswer)

    explicit FakeSecretService(QObject *parent = nullptr);
    ~FakeSecretService() override;

    // Registers the object tree and the bus name; false (and why, in error) if either is refused.
    bool start(QString *error);

    void answerLate(const QString &member, int delayMs, LateAnswer how);
    void answerAllInTime() { m_late.clear(); }
    void putItem(const QMap<QString, QString> &attributes, const QByteArray &value);
    void clearItems() { m_items.clear(); }
    int itemCount() const { return int(m_items.size()); }
    QByteArray valueOf(const QMap<QString, QString> &attributes) const;

    // Every call received, as "Interface.Member path", in order.
    QStringList calls() const { return m_calls; }
    void clearCalls() { m_calls.clear(); }
    bool lateAnswersPending() const
    {
        return !m_late.isEmpty() || m_lateAnswersScheduled > m_lateAnswersSent;
    }
    int lateAnswersSent() const { return m_lateAnswersSent; }

    QString introspect(const QString &path) const override;
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override;

signals:
    void lateAnswerSent(const QString &member);

private:
    struct Item
    {
        QMap<QString, QString> attributes;
        QByteArray value;
        QString contentType;
    };
    struct Late
    {
        int delayMs = 0;
        LateAnswer how = LateAnswer::Success;
    };

    void dispatch(const QDBusMessage &call);
    QDBusMessage answerTo(const QDBusMessage &call);
    void send(const QDBusMessage &call, const QDBusMessage &reply);
    QList<QDBusObjectPath> search(const QMap<QString, QString> &attributes) const;
    QString addItem(const QMap<QString, QString> &attributes, const QByteArray &value,
                    const QString &contentType, bool replace);

    QDBusConnection m_bus;
    bool m_registered = false;
    QMap<QString, Item> m_items; // by object path
    int m_nextItem = 1;
    int m_nextSession = 1;
    QSet<QString> m_sessions;
    QMap<QString, Late> m_late; // by member
    QStringList m_calls;
    int m_lateAnswersScheduled = 0;
    int m_lateAnswersSent = 0;
};
