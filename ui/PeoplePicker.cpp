#include "PeoplePicker.h"
#include "Messages.h"

#include "api/ApiClient.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {
constexpr int kTop = 10;
}

PeoplePicker::PeoplePicker(ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_edit(new QLineEdit)
    , m_results(new QListWidget)
    , m_add(new QPushButton(tr("&Add")))
    , m_hint(new QLabel)
    , m_debounce(new QTimer(this))
{
    setObjectName(u"peoplePicker"_s);
    setAccessibleName(tr("People picker"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_edit->setObjectName(u"peopleSearchEdit"_s);
    m_edit->setAccessibleName(tr("Search people and groups"));
    m_edit->setPlaceholderText(tr("Type a name to search users and groups, or paste an email or object ID"));
    m_edit->setClearButtonEnabled(true);
    m_add->setObjectName(u"addPrincipalButton"_s);
    m_add->setAccessibleName(tr("Add the chosen person or group"));
    m_add->setEnabled(false);
    row->addWidget(m_edit, 1);
    row->addWidget(m_add);
    layout->addLayout(row);
    m_results->setObjectName(u"peopleResults"_s);
    m_results->setAccessibleName(tr("Directory results"));
    m_results->setMaximumHeight(140);
    layout->addWidget(m_results);
    m_hint->setObjectName(u"peopleHint"_s);
    layout->addWidget(m_hint);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &PeoplePicker::search);
    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        ++m_generation; // answers to the old text no longer matter
        m_debounce->start();
    });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        if (m_debounce->isActive() || isSearching())
            return;
        if (m_results->currentRow() < 0 && m_results->count() > 0)
            m_results->setCurrentRow(0);
        choose();
    });
    connect(m_results, &QListWidget::currentRowChanged, this,
            [this](int current) { m_add->setEnabled(current >= 0 && current < m_found.size()); });
    connect(m_results, &QListWidget::itemActivated, this, &PeoplePicker::choose);
    connect(m_add, &QPushButton::clicked, this, &PeoplePicker::choose);
}

void PeoplePicker::setDebounceMs(int ms)
{
    m_debounce->setInterval(ms);
}

void PeoplePicker::clear()
{
    ++m_generation;
    m_edit->clear();
    m_debounce->stop();
    m_results->clear();
    m_found.clear();
    m_hint->clear();
    m_pending = 0;
}

static bool looksLikeEmail(const QString &text)
{
    static const QRegularExpression email(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
    return email.match(text).hasMatch();
}

void PeoplePicker::search()
{
    const QString text = m_edit->text().trimmed();
    m_results->clear();
    m_found.clear();
    m_exactEmail.clear();
    m_pending = 0;
    if (text.isEmpty() || !m_client) {
        m_hint->clear();
        return;
    }
    const quint64 generation = ++m_generation;
    if (!QUuid::fromString(text).isNull()) {
        // An object ID: the directory cannot be searched by ID here, so offer it as both.
        Principal user;
        user.id = QUuid::fromString(text).toString(QUuid::WithoutBraces);
        user.displayName = user.id;
        user.type = PrincipalType::User;
        Principal group = user;
        group.type = PrincipalType::Group;
        addResults({user, group});
        m_hint->setText(tr("Add the object ID as a user or as a group."));
        emit searchFinished(static_cast<int>(m_found.size()));
        return;
    }
    QString prefix = text;
    if (looksLikeEmail(text)) {
        // Directory search goes by display name: search the name part of the address, keep
        // only the principal whose mail or UPN is that address.
        m_exactEmail = text;
        prefix = text.section(u'@', 0, 0).replace(u'.', u' ').replace(u'_', u' ');
    }
    m_hint->setText(tr("Searching…"));
    m_pending = 2;
    const auto answer = [this, generation](Result<Page<Principal>> page) {
        if (generation != m_generation)
            return;
        if (page)
            addResults(page->items);
        else
            m_hint->setText(tr("Directory search failed: %1").arg(plainReason(page.error())));
        finishOne();
    };
    m_client->searchUsers(prefix, kTop, this, answer);
    m_client->searchGroups(prefix, kTop, this, answer);
}

void PeoplePicker::addResults(const QList<Principal> &principals)
{
    for (const Principal &p : principals) {
        const QString mail = p.email.isEmpty() ? p.userPrincipalName : p.email;
        if (!m_exactEmail.isEmpty() && mail.compare(m_exactEmail, Qt::CaseInsensitive) != 0 &&
            p.userPrincipalName.compare(m_exactEmail, Qt::CaseInsensitive) != 0)
            continue;
        m_found.append(p);
        const QString type = p.type == PrincipalType::Group ? tr("Group") : tr("User");
        QString text = mail.isEmpty() ? tr("%1 (%2)").arg(p.displayName, type)
                                      : tr("%1 <%2> (%3)").arg(p.displayName, mail, type);
        auto *item = new QListWidgetItem(text, m_results);
        item->setToolTip(p.id);
    }
}

void PeoplePicker::finishOne()
{
    if (--m_pending > 0)
        return;
    m_pending = 0;
    if (m_found.isEmpty())
        m_hint->setText(m_exactEmail.isEmpty() ? tr("No user or group starts with this name.")
                                               : tr("No one in the directory has this address."));
    else
        m_hint->setText(m_found.size() == 1
                            ? tr("One result. Press Add to add it.")
                            : tr("%1 results. Choose one and press Add.").arg(m_found.size()));
    if (m_results->count() > 0 && m_results->currentRow() < 0)
        m_results->setCurrentRow(0);
    emit searchFinished(static_cast<int>(m_found.size()));
}

void PeoplePicker::choose()
{
    const int row = m_results->currentRow();
    if (row < 0 || row >= m_found.size())
        return;
    emit principalChosen(m_found.at(row));
}

} // namespace fc
